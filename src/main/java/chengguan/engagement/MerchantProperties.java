package chengguan.engagement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param finestPerMonth how many 最美商户 a community (or street) names each month; merchants tied with the last
 *                       of them are named too
 */
@ConfigurationProperties("chengguan.merchants")
public record MerchantProperties(int finestPerMonth) {

	public MerchantProperties {
		finestPerMonth = finestPerMonth > 0 ? finestPerMonth : 3;
	}

}
