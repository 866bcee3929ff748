package chengguan.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements and transactions the current thread sends through the application's DataSource, so a
 * test can hold a request to its budget (issue 17: one report = one transaction and at most 8 statements). A count
 * is deterministic where a time is not.
 * <p>
 * A hand-written JDK proxy rather than datasource-proxy: about a hundred lines, no dependency, and it counts
 * exactly what the budget means — each execute of a statement (a JDBC batch counts once) and each transaction
 * (a commit or rollback, or a statement run in auto-commit, which is a transaction of its own).
 * <p>
 * Use: {@code @Import(SqlStatementCounter.class)} (the {@code @IntegrationTest} context has it), then
 * {@code counter.reset()}, the request on this thread (MockMvc runs it on the test's thread), {@code counter.count()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter {

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	/** What one thread sent since its last reset. */
	public record Count(int statements, int transactions, List<String> sql) {

		@Override
		public String toString() {
			return statements + " statements in " + transactions + " transactions:\n  " + String.join("\n  ", sql);
		}

	}

	private static final class Tally {

		int statements;

		int transactions;

		final List<String> sql = new ArrayList<>();

	}

	private final ThreadLocal<Tally> tallies = ThreadLocal.withInitial(Tally::new);

	@Bean
	static BeanPostProcessor sqlStatementCountingDataSource(org.springframework.beans.factory.ObjectProvider<SqlStatementCounter> counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return counter.getObject().wrap(dataSource);
				}
				return bean;
			}
		};
	}

	/** Starts counting afresh on this thread. */
	public void reset() {
		tallies.remove();
	}

	/** What this thread sent since {@link #reset()}. */
	public Count count() {
		Tally tally = tallies.get();
		return new Count(tally.statements, tally.transactions, List.copyOf(tally.sql));
	}

	DataSource wrap(DataSource target) {
		return proxy(DataSource.class, target, (method, args, result) -> {
			if (result instanceof Connection connection) {
				return connection(connection);
			}
			return result;
		});
	}

	private Connection connection(Connection target) {
		return proxy(Connection.class, target, (method, args, result) -> {
			switch (method.getName()) {
				case "commit", "rollback" -> {
					if (args == null || args.length == 0) {
						tallies.get().transactions++;
					}
				}
				default -> {
				}
			}
			if (result instanceof Statement statement) {
				String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
				Class<? extends Statement> type = result instanceof CallableStatement ? CallableStatement.class
						: result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
				return statement(type, statement, target, sql);
			}
			return result;
		});
	}

	private <S extends Statement> S statement(Class<S> type, Statement target, Connection connection, String prepared) {
		return proxy(type, type.cast(target), (method, args, result) -> result, (method, args) -> {
			if (EXECUTES.contains(method.getName())) {
				Tally tally = tallies.get();
				tally.statements++;
				String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
				tally.sql.add(sql == null ? "?" : sql.replaceAll("\\s+", " ").strip());
				if (connection.getAutoCommit()) {
					tally.transactions++;
				}
			}
		});
	}

	@FunctionalInterface
	private interface After {

		Object apply(Method method, Object[] args, Object result) throws Exception;

	}

	@FunctionalInterface
	private interface Before {

		void accept(Method method, Object[] args) throws Exception;

	}

	private static <T> T proxy(Class<T> type, T target, After after) {
		return proxy(type, target, after, (method, args) -> {
		});
	}

	private static <T> T proxy(Class<T> type, T target, After after, Before before) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
					&& wanted.isInstance(target) && !wanted.isInterface()) {
				return target;
			}
			before.accept(method, args);
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			return after.apply(method, args, result);
		};
		return type.cast(Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] { type },
				handler));
	}

}
