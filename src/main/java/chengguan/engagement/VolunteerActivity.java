package chengguan.engagement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A volunteer activity of one community; each attendee is credited with {@code hoursPerPerson}.
 * @param attendees how many attended
 */
public record VolunteerActivity(long id, long communityId, String communityName, String regionPath, String title,
		LocalDate date, BigDecimal hoursPerPerson, int attendees, String createdBy) {

}
