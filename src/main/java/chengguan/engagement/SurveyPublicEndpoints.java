package chengguan.engagement;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

/** Residents answer surveys without signing in. */
@Component
class SurveyPublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/s/**");
	}

}
