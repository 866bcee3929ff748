package chengguan.organization.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import chengguan.organization.PublicCommunity;
import chengguan.organization.RegionService;

/** Public: the communities residents can report to, for mini programs and apps. */
@RestController
class CommunityApiController {

	private final RegionService regions;

	CommunityApiController(RegionService regions) {
		this.regions = regions;
	}

	@GetMapping("/api/v1/communities")
	List<PublicCommunity> communities() {
		return regions.allCommunities();
	}

}
