package chengguan.engagement;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

/** The community's suggestions and needs page behind its QR code, and an event's sign-up page: no sign-in. */
@Component
class NeedPublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/n/**", "/e/**");
	}

}
