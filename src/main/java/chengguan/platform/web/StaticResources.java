package chengguan.platform.web;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Our own files and the WebJars, served so that a browser fetches each version once: every link a template writes
 * with {@code @{/css/app.css}} becomes {@code /css/app-<content hash>.css}, and a WebJar's
 * {@code @{/webjars/bootstrap/css/bootstrap.min.css}} gets its version in the path. A changed file therefore has a new
 * address, and every asset may be cached for a year without revalidation. (Spring Boot's own resource handlers are
 * switched off in application.yml: its cache settings cannot say {@code immutable}.)
 * <p>
 * Spring Security marks every response {@code no-store} unless the response already says how to cache it, so pages —
 * which carry personal data — stay uncached while these files are exempt by their own header.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(FOR_A_YEAR)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(FOR_A_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	/** Rewrites the links that templates write (through {@code encodeURL}) to the versioned addresses. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

}
