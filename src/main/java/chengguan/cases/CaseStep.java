package chengguan.cases;

import java.util.List;

import chengguan.catalog.HandlingMode;

/**
 * What a person adds to a step: a note (required for declines, returns, failed checks), the unit — or the liaison —
 * for a dispatch, the handling mode chosen at 立案, and photos of the scene or of the work done (up to six).
 */
public record CaseStep(String note, Long unitId, Long staffId, HandlingMode handlingMode, List<byte[]> photos) {

	public CaseStep {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	public CaseStep(String note, Long unitId, HandlingMode handlingMode, List<byte[]> photos) {
		this(note, unitId, null, handlingMode, photos);
	}

	public static CaseStep note(String note) {
		return new CaseStep(note, null, null, List.of());
	}

}
