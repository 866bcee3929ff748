package chengguan.platform.web;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.support.IsolatedDatabase;
import chengguan.support.TestAccounts;
import chengguan.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database goes away and comes back: every request answers 503 at once with Retry-After and a Chinese page (a
 * problem body under /api/), the resident's form is told its text is kept, health is DOWN, and everything works
 * again once the database is back, with nothing restarted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, DatabaseDownTest.Breakable.class })
class DatabaseDownTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		IsolatedDatabase.register(registry, "database_down");
	}

	/** Wraps the application's pool so the test can make it fail as Hikari does when the database is gone. */
	@TestConfiguration
	static class Breakable {

		@Bean
		static BeanPostProcessor breakableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof HikariDataSource pool ? new BreakableDataSource(pool) : bean;
				}
			};
		}

	}

	static final class BreakableDataSource implements DataSource {

		final HikariDataSource pool;

		volatile boolean broken;

		BreakableDataSource(HikariDataSource pool) {
			this.pool = pool;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (broken) {
				throw new SQLTransientConnectionException(
						"HikariPool-1 - Connection is not available, request timed out after 3000ms");
			}
			return pool.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return pool.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			pool.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			pool.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return pool.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return pool.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return type.isInstance(this) || pool.isWrapperFor(type);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestAccounts accounts;

	private BreakableDataSource breakable() {
		return (BreakableDataSource) dataSource;
	}

	@AfterEach
	void repair() {
		breakable().broken = false;
	}

	@Test
	void thePoolGivesUpAfterAFewSecondsNotThirty() {
		HikariDataSource pool = breakable().pool;
		assertThat(pool.getConnectionTimeout()).isEqualTo(3000);
		// the same settings against a port where no database listens: refused within the timeout, not after 30 s
		HikariConfig config = new HikariConfig();
		config.setPoolName("closed-port");
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
		config.setUsername("none");
		config.setConnectionTimeout(pool.getConnectionTimeout());
		config.setValidationTimeout(pool.getValidationTimeout());
		config.setInitializationFailTimeout(-1);
		config.setMinimumIdle(0);
		long started = System.nanoTime();
		try (HikariDataSource closed = new HikariDataSource(config)) {
			assertThatThrownBy(closed::getConnection).isInstanceOf(SQLTransientConnectionException.class);
		}
		assertThat((System.nanoTime() - started) / 1_000_000).isBetween(2_500L, 6_000L);
	}

	@Test
	void whileTheDatabaseIsDownEveryRequestIsA503AndItRecoversByItself() throws Exception {
		RequestPostProcessor dispatcher = accounts.as("dispatcher");
		mvc.perform(get("/r/370471001001")).andExpect(status().isOk());

		breakable().broken = true;
		mvc.perform(get("/r/370471001001"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("系统暂时无法使用")));
		// the resident's submission: their text is in the phone's draft, and the page leads back to the form
		mvc.perform(multipart("/r/370471001001").param("categoryCode", "E0101").param("kind", "COMPLAINT")
			.param("description", "楼下垃圾三天没人清运了").param("idempotencyKey", "db-down-test-key-0001").with(csrf()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().string(containsString("您填写的内容已保存在这台手机")))
			.andExpect(content().string(containsString("href=\"/r/370471001001\"")));
		mvc.perform(get("/api/v1/communities"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value(containsString("数据服务暂时连接不上")));
		mvc.perform(get("/cases").with(dispatcher))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("系统暂时无法使用")));
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"));

		breakable().broken = false;
		mvc.perform(get("/r/370471001001")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/communities")).andExpect(status().isOk());
		mvc.perform(get("/cases").with(dispatcher)).andExpect(status().isOk());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

}
