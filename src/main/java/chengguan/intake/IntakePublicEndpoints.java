package chengguan.intake;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

@Component
class IntakePublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/r/**", "/t/**", "/api/v1/reports", "/api/v1/reports/**");
	}

}
