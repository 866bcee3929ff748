package chengguan.assessment;

import java.time.YearMonth;
import java.util.List;

import chengguan.organization.RegionView;

/**
 * Extension point for the health report's “居民需求” section. No module collects residents' needs yet (engagement
 * on main has volunteers and merchants, not needs), so no bean implements this and the report says the section is
 * not connected; residents' suggestions (建议 reports) are shown from intake meanwhile. A module that collects needs
 * implements this as a bean and the report picks it up.
 */
public interface HealthReportNeeds {

	/** The residents' needs raised below the region in the month, one line each, most pressing first. */
	List<String> needs(RegionView region, YearMonth month);

}
