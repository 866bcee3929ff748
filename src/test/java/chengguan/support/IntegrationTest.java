package chengguan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application with demo data on the test database (in-memory H2, or CI's PostgreSQL), a movable
 * clock, MockMvc through the real security filters and a {@link SqlStatementCounter}. Every class that uses it
 * shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, SqlStatementCounter.class })
public @interface IntegrationTest {

}
