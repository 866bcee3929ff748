package chengguan.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the current thread sends through the application's DataSource: a page view in
 * MockMvc runs on the test's thread, so {@code reset()} before a request and {@code count()} after it give the
 * statements that one request cost (security, session and audit included). A count is deterministic where a
 * time is not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter implements BeanPostProcessor {

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
			"executeBatch", "executeLargeBatch");

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	public void reset() {
		COUNT.get()[0] = 0;
	}

	public int count() {
		return COUNT.get()[0];
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
			return wrap(dataSource, DataSource.class, (target, method, args) -> {
				Object result = method.invoke(target, args);
				return result instanceof Connection connection ? wrapConnection(connection) : result;
			});
		}
		return bean;
	}

	private static Connection wrapConnection(Connection connection) {
		return wrap(connection, Connection.class, (target, method, args) -> {
			Object result = method.invoke(target, args);
			if (result instanceof CallableStatement statement) {
				return wrapStatement(statement, CallableStatement.class);
			}
			if (result instanceof PreparedStatement statement) {
				return wrapStatement(statement, PreparedStatement.class);
			}
			if (result instanceof Statement statement) {
				return wrapStatement(statement, Statement.class);
			}
			return result;
		});
	}

	private static <S extends Statement> S wrapStatement(S statement, Class<S> type) {
		return wrap(statement, type, (target, method, args) -> {
			if (EXECUTES.contains(method.getName())) {
				COUNT.get()[0]++;
			}
			return method.invoke(target, args);
		});
	}

	private interface Call<T> {

		Object invoke(T target, Method method, Object[] args) throws Exception;

	}

	@SuppressWarnings("unchecked")
	private static <T> T wrap(T target, Class<T> type, Call<T> call) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args != null && args.length == 1 && args[0] instanceof Class<?> c
					&& c.isInstance(target)) {
				return target;
			}
			try {
				return call.invoke(target, method, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

}
