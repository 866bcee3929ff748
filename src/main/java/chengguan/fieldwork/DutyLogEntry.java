package chengguan.fieldwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A visit as the liaison records it on the phone. {@code participants} are the bureau's staff who went and the
 * community's contact; a finding can become a case at once ({@code findingCategoryCode} set). A patrol done for
 * a 专项整治 names it ({@code campaignId}, optional).
 */
public record DutyLogEntry(String communityCode, LocalDate date, LocalTime start, LocalTime end, Set<WorkItem> items,
		String whatWasDone, String findings, String findingCategoryCode, List<Participant> participants,
		BigDecimal latitude, BigDecimal longitude, Integer accuracyMeters, Long campaignId) {

	public DutyLogEntry {
		items = items == null ? Set.of() : Set.copyOf(items);
		participants = participants == null ? List.of() : List.copyOf(participants);
	}

	/** A visit for no campaign. */
	public DutyLogEntry(String communityCode, LocalDate date, LocalTime start, LocalTime end, Set<WorkItem> items,
			String whatWasDone, String findings, String findingCategoryCode, List<Participant> participants,
			BigDecimal latitude, BigDecimal longitude, Integer accuracyMeters) {
		this(communityCode, date, start, end, items, whatWasDone, findings, findingCategoryCode, participants, latitude,
				longitude, accuracyMeters, null);
	}

	/** 进社区人员 (a staff member, by id) or 社区直接责任人 (by name and phone as written). */
	public record Participant(Role role, Long staffId, String name, String phone) {

		public enum Role {

			STAFF, COMMUNITY_CONTACT

		}

	}

}
