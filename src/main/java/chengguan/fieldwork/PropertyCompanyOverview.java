package chengguan.fieldwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A company as the overview shows it, counting only inspections and notices of compounds in the viewer's scope.
 *
 * @param compounds the compounds it manages now
 * @param latestTotal the total of its latest inspection, null if never inspected
 * @param averageTotal the mean total of its inspections to one decimal, null if never inspected
 */
public record PropertyCompanyOverview(PropertyCompany company, List<CompoundManagement> compounds, LocalDate latestDate,
		Integer latestTotal, BigDecimal averageTotal, int inspections, int openNotices, int overdueNotices) {

	public PropertyGrade latestGrade() {
		return latestTotal == null ? null : PropertyGrade.of(latestTotal);
	}

}
