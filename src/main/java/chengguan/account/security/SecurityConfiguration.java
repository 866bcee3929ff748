package chengguan.account.security;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

import chengguan.account.SignInThrottle;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.PublicEndpoints;
import chengguan.platform.web.MapSettings;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Pages and assets anyone may open; modules add theirs through {@link PublicEndpoints} beans. */
	private static final String[] ALWAYS_PUBLIC = { "/login", "/login/blocked", "/logout", "/error", "/webjars/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/favicon.svg", "/actuator/health" };

	/** Scripts only from our own files; images also from the map tile server. */
	private static String contentSecurityPolicy(MapSettings maps) {
		return "default-src 'self'; img-src 'self' data: blob: " + maps.tileOrigin() + "; "
				+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
				+ "form-action 'self'; frame-ancestors 'self'";
	}

	/** Cameras (photos of a case) and positions (the map pin) for our own pages only; nothing else. */
	static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=()";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * Passwords are checked before the account's state: Spring's default looks at "disabled" first, which answers an
	 * unknown guesser sooner and differently, telling that the name exists. An unknown name is checked against a
	 * dummy hash (Spring's timing protection), so it takes as long as a wrong password.
	 */
	@Bean
	DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	/**
	 * The JSON API: public endpoints for residents' apps, the rest for systems signing in with HTTP Basic on every
	 * request. No session and no CSRF token: nothing here rides on a browser's cookies.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
			SignInThrottle throttle, MessageSource messages) throws Exception {
		String[] modulePublic = publicPatterns(publicEndpoints);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> {
				if (modulePublic.length > 0) {
					requests.requestMatchers(modulePublic).permitAll();
				}
				requests.anyRequest().authenticated();
			})
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(new ApiSignInThrottleFilter(throttle, messages), BasicAuthenticationFilter.class)
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	private static String[] publicPatterns(List<PublicEndpoints> publicEndpoints) {
		return publicEndpoints.stream().flatMap(endpoints -> endpoints.patterns().stream()).toArray(String[]::new);
	}

	/**
	 * The CSRF token lives in a cookie rather than the session, so that residents on public pages get no server
	 * session at all (no session rows for anonymous visitors, nothing to fill the table with).
	 */
	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
			SignInOutcomeHandler signInOutcome, SignOutAuditHandler signOutAudit,
			SecurityContextRepository securityContextRepository, MapSettings maps, SignInThrottle throttle,
			AuditLog auditLog) throws Exception {
		String[] modulePublic = publicPatterns(publicEndpoints);
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers(ALWAYS_PUBLIC).permitAll();
			if (modulePublic.length > 0) {
				requests.requestMatchers(modulePublic).permitAll();
			}
			requests.anyRequest().authenticated();
		})
			.formLogin(form -> form.loginPage("/login")
				.successHandler(signInOutcome)
				.failureHandler(signInOutcome)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.addLogoutHandler(signOutAudit)
				.logoutSuccessUrl("/login?logout")
				.permitAll())
			.securityContext(context -> context.securityContextRepository(securityContextRepository))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
			// the page asked for before signing in is remembered in a cookie: no session for anonymous visitors
			.requestCache(cache -> cache.requestCache(new CookieRequestCache()))
			.addFilterBefore(new FormSignInThrottleFilter(throttle, auditLog), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
			// X-Frame-Options says what CSP frame-ancestors 'self' says, for browsers that know only the older header
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(maps)))
				.frameOptions(frame -> frame.sameOrigin())
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
