package chengguan.engagement;

import java.util.List;

import org.springframework.stereotype.Component;

import chengguan.platform.security.PublicEndpoints;

/** The 门前三包 board of each community (ranking, 最美商户, stars) and its QR code. */
@Component
class MerchantPublicEndpoints implements PublicEndpoints {

	@Override
	public List<String> patterns() {
		return List.of("/m/**");
	}

}
