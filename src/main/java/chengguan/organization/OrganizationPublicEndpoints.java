package chengguan.organization;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

@Component
class OrganizationPublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/public/communities/**", "/public/places/**", "/public/staff/*/photo", "/api/v1/communities");
	}

}
