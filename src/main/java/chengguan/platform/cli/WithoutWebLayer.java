package chengguan.platform.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * In a command-line run, drops the beans that only serve HTTP requests (controllers, their advice, servlet
 * filters, web configuration): without a web server they have nothing to do, and some need servlet-only beans.
 */
class WithoutWebLayer implements BeanDefinitionRegistryPostProcessor {

	private static final List<String> WEB_ONLY = List.of("org.springframework.stereotype.Controller",
			"org.springframework.web.bind.annotation.ControllerAdvice",
			"org.springframework.security.config.annotation.web.configuration.EnableWebSecurity");

	private static final List<String> WEB_TYPES = List.of("jakarta.servlet.Filter",
			"org.springframework.security.web.SecurityFilterChain",
			"org.springframework.web.servlet.config.annotation.WebMvcConfigurer",
			"org.springframework.web.servlet.HandlerInterceptor",
			"org.springframework.boot.web.servlet.FilterRegistrationBean");

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		// too early: added to the context directly, this runs before component scanning has registered anything
	}

	/** After every registry post-processor (component scanning included), before any bean is created. */
	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
		ClassLoader loader = getClass().getClassLoader();
		Set<String> removed = new HashSet<>();
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null
					&& annotated.getFactoryMethodMetadata().getDeclaringClassName().startsWith("chengguan.")) {
				String returned = annotated.getFactoryMethodMetadata().getReturnTypeName();
				if (WEB_TYPES.contains(returned)) {
					registry.removeBeanDefinition(name);
					removed.add(name);
				}
				continue;
			}
			String className = definition.getBeanClassName();
			if (className == null || !className.startsWith("chengguan.")) {
				continue;
			}
			Class<?> type = ClassUtils.resolveClassName(className, loader);
			boolean webOnly = WEB_ONLY.stream().anyMatch(a -> ClassUtils.isPresent(a, loader)
					&& AnnotatedElementUtils.hasAnnotation(type, annotation(a, loader)))
					|| WEB_TYPES.stream().anyMatch(t -> ClassUtils.isPresent(t, loader)
							&& ClassUtils.resolveClassName(t, loader).isAssignableFrom(type));
			if (webOnly) {
				registry.removeBeanDefinition(name);
				removed.add(name);
			}
		}
		// a bean made by a removed configuration (a web configurer's own @Bean methods) goes with it
		for (String name : registry.getBeanDefinitionNames()) {
			String factory = registry.getBeanDefinition(name).getFactoryBeanName();
			if (factory != null && removed.contains(factory)) {
				registry.removeBeanDefinition(name);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends java.lang.annotation.Annotation> annotation(String name, ClassLoader loader) {
		return (Class<? extends java.lang.annotation.Annotation>) ClassUtils.resolveClassName(name, loader);
	}

}
