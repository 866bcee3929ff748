package chengguan.platform.persistence;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bench only ({@code chengguan.bench.count-statements=true}, off by default): logs how many SQL statements each
 * request sent, session and audit included, so bench/inbox.sh can print the count beside the time. The filter
 * runs outside every other one (Spring Session's too); the DataSource is wrapped to count per thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chengguan.bench.count-statements", havingValue = "true")
class StatementCountLog {

	private static final Logger log = LoggerFactory.getLogger(StatementCountLog.class);

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
			"executeBatch", "executeLargeBatch");

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(dataSource, DataSource.class);
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> statementCountFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						COUNT.get()[0] = 0;
						try {
							chain.doFilter(request, response);
						}
						finally {
							String query = request.getQueryString();
							log.info("SQL statements: {} for {} {}", COUNT.get()[0], request.getMethod(),
									request.getRequestURI() + (query == null ? "" : "?" + query));
						}
					}
				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(T target, Class<T> type) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, method, args) -> {
			if (target instanceof Statement && EXECUTES.contains(method.getName())) {
				COUNT.get()[0]++;
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (result instanceof Connection connection) {
				return proxy(connection, Connection.class);
			}
			if (result instanceof Statement statement && !(target instanceof Statement)) {
				Class<?> returned = method.getReturnType();
				return returned.isInterface() && Statement.class.isAssignableFrom(returned)
						? proxy(statement, (Class<Statement>) returned) : result;
			}
			return result;
		});
	}

}
