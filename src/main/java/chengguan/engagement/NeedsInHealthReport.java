package chengguan.engagement;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.assessment.HealthReportNeeds;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * The 居民需求 section of the monthly health report: the needs and suggestions residents raised below the region in
 * the month, those still waiting for an answer first.
 */
@Component
class NeedsInHealthReport implements HealthReportNeeds {

	private static final int MOST = 12;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final PlatformProperties platform;

	NeedsInHealthReport(JdbcClient jdbc, MessageSource messages, PlatformProperties platform) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.platform = platform;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> needs(RegionView region, YearMonth month) {
		return jdbc.sql("""
				SELECT kind, status, content FROM need
				WHERE region_path LIKE ? AND received_at >= ? AND received_at < ?
				ORDER BY CASE WHEN status IN ('PENDING', 'ADOPTED', 'IN_PROGRESS') THEN 0 ELSE 1 END, received_at DESC
				LIMIT\s""" + MOST)
			.params(region.path() + "%",
					utc(ZonedDateTime.of(month.atDay(1).atStartOfDay(), platform.timeZone()).toInstant()),
					utc(ZonedDateTime.of(month.plusMonths(1).atDay(1).atStartOfDay(), platform.timeZone()).toInstant()))
			.query((rs, n) -> "【" + label("need.kind." + rs.getString(1)) + "·" + label("need.status." + rs.getString(2))
					+ "】" + rs.getString(3))
			.list();
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
