package chengguan.engagement;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

/** The volunteer registration page of each community and its QR code. */
@Component
class VolunteerPublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/v/**");
	}

}
