package chengguan.cases;

import java.time.Instant;
import java.util.List;

import chengguan.catalog.HandlingMode;

/**
 * What a person adds to a step: a note (required for declines, returns, failed checks), the unit — or the liaison —
 * for a dispatch, the handling mode chosen at 立案, photos of the scene or of the work done (up to six), the deadline
 * a 延期 asks for and the reason kind of a 挂起 or a 无理/重复 mark.
 */
public record CaseStep(String note, Long unitId, Long staffId, HandlingMode handlingMode, List<byte[]> photos,
		Instant requestedDue, RequestReason reason) {

	public CaseStep {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	public CaseStep(String note, Long unitId, Long staffId, HandlingMode handlingMode, List<byte[]> photos) {
		this(note, unitId, staffId, handlingMode, photos, null, null);
	}

	/** A 延期 request: the reason and the deadline asked for. */
	public static CaseStep extension(String note, Instant requestedDue) {
		return new CaseStep(note, null, null, null, List.of(), requestedDue, null);
	}

	/** A 挂起 or 无理/重复 request: the reason kind and the note. */
	public static CaseStep because(RequestReason reason, String note) {
		return new CaseStep(note, null, null, null, List.of(), null, reason);
	}

	public CaseStep(String note, Long unitId, HandlingMode handlingMode, List<byte[]> photos) {
		this(note, unitId, null, handlingMode, photos);
	}

	public static CaseStep note(String note) {
		return new CaseStep(note, null, null, List.of());
	}

}
