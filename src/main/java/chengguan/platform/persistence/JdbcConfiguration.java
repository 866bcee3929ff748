package chengguan.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * One lower-case, unquoted schema serves H2 (PostgreSQL mode, DATABASE_TO_LOWER) and PostgreSQL. Spring Data
 * JDBC quotes identifiers by default and H2's dialect upper-cases them, which would miss the lower-case tables,
 * so quoting is turned off and both databases fold the names the same way.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

	@Override
	protected Collection<String> getMappingBasePackages() {
		return List.of("chengguan");
	}

	@Override
	public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
			JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
		JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
		context.setForceQuote(false);
		return context;
	}

	@Override
	protected List<?> userConverters() {
		return List.of(new OffsetDateTimeToInstant());
	}

	/** H2 returns TIMESTAMP WITH TIME ZONE as OffsetDateTime; PostgreSQL's driver returns a Timestamp. */
	@ReadingConverter
	static final class OffsetDateTimeToInstant implements Converter<OffsetDateTime, Instant> {

		@Override
		public Instant convert(OffsetDateTime source) {
			return source.toInstant();
		}

	}

}
