package chengguan.engagement;

import java.math.BigDecimal;

import chengguan.intake.ReporterCounts;

/**
 * A volunteer with what they have done: service hours in the chosen year and ever, activities attended in the year,
 * and the reports and suggestions their phone number made in the year.
 */
public record VolunteerOverview(Volunteer volunteer, BigDecimal hoursInYear, BigDecimal totalHours,
		int activitiesInYear, ReporterCounts reportsInYear) {

}
