package chengguan.account.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import chengguan.platform.security.PublicEndpoints;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Pages and assets anyone may open; modules add theirs through {@link PublicEndpoints} beans. */
	private static final String[] ALWAYS_PUBLIC = { "/login", "/error", "/webjars/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/favicon.svg", "/actuator/health" };

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicEndpoints> publicEndpoints,
			SignInOutcomeHandler signInOutcome, SignOutAuditHandler signOutAudit,
			SecurityContextRepository securityContextRepository) throws Exception {
		String[] modulePublic = publicEndpoints.stream()
			.flatMap(endpoints -> endpoints.patterns().stream())
			.toArray(String[]::new);
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
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
