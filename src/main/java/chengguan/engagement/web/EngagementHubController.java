package chengguan.engagement.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where staff find everything residents and partners take part in. */
@Controller
class EngagementHubController {

	@GetMapping("/engagement")
	String hub() {
		return "engagement/hub";
	}

}
