package chengguan.platform.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address for every per-address limit, the sign-in throttle and the audit log. X-Forwarded-For and
 * X-Forwarded-Proto are believed only from the reverse proxies listed in {@code chengguan.security.trusted-proxies}
 * (addresses or CIDR ranges); from anyone else they are ignored, so that a client reaching the application directly
 * cannot choose its own address. Behind trusted proxies the client is the right-most X-Forwarded-For entry that is
 * not itself a trusted proxy (entries left of it were written by the client and prove nothing).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedClientAddressFilter extends OncePerRequestFilter {

	@ConfigurationProperties("chengguan.security")
	record ProxySettings(List<String> trustedProxies) {

		ProxySettings {
			trustedProxies = trustedProxies == null ? List.of()
					: trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
		}

	}

	private static final int MAX_HOPS = 20;

	private final List<IpAddressMatcher> trusted;

	ForwardedClientAddressFilter(ProxySettings settings) {
		this.trusted = settings.trustedProxies().stream().map(IpAddressMatcher::new).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		String client = request.getRemoteAddr();
		List<String> hops = request.getHeaders("X-Forwarded-For") == null ? List.of()
				: Collections.list(request.getHeaders("X-Forwarded-For"))
					.stream()
					.flatMap(value -> Arrays.stream(value.split(",")))
					.map(String::strip)
					.filter(hop -> !hop.isEmpty())
					.toList();
		for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
			String hop = hops.get(i);
			if (!looksLikeAddress(hop)) {
				break; // garbage in the chain: keep the last address we could trust
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		String proto = request.getHeader("X-Forwarded-Proto");
		Boolean https = proto == null ? null : "https".equalsIgnoreCase(proto.strip());
		chain.doFilter(new Forwarded(request, client, https), response);
	}

	private boolean isTrusted(String address) {
		if (!looksLikeAddress(address)) {
			return false;
		}
		for (IpAddressMatcher matcher : trusted) {
			if (matcher.matches(address)) {
				return true;
			}
		}
		return false;
	}

	/** Literal IPv4 or IPv6 only: never a host name (IpAddressMatcher would look it up in DNS). */
	private static boolean looksLikeAddress(String value) {
		return value != null && !value.isEmpty() && value.length() <= 45 && value.matches("[0-9A-Fa-f:.]+");
	}

	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		/** null: the proxy did not say, the connection's own scheme stands */
		private final Boolean https;

		Forwarded(HttpServletRequest request, String client, Boolean https) {
			super(request);
			this.client = client;
			this.https = https;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

		@Override
		public boolean isSecure() {
			return https == null ? super.isSecure() : https;
		}

		@Override
		public String getScheme() {
			return https == null ? super.getScheme() : https ? "https" : "http";
		}

	}

}
