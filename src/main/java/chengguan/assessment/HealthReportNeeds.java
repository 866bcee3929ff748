package chengguan.assessment;

import java.time.YearMonth;
import java.util.List;

import chengguan.organization.RegionView;

/**
 * The health report's “居民需求” section, answered by the module that collects residents' needs (engagement), which
 * depends on this module and not the other way round. Without such a bean the report says the section is not
 * connected.
 */
public interface HealthReportNeeds {

	/** The residents' needs raised below the region in the month, one line each, most pressing first. */
	List<String> needs(RegionView region, YearMonth month);

}
