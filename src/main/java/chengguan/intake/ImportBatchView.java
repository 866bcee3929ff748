package chengguan.intake;

import java.time.Instant;

/** A 12345 import as its page shows it. Before the import runs, {@code skippedRows} counts already-imported orders. */
public record ImportBatchView(long id, String profileName, String fileName, ImportBatchStatus status, int totalRows,
		int processedRows, int importedRows, int skippedRows, int failedRows, String createdBy, Instant createdAt,
		Instant finishedAt) {

	/** Rows the import would add (preview) — every row neither failed nor already there. */
	public int newRows() {
		return Math.max(0, totalRows - skippedRows - failedRows);
	}

	public int percent() {
		return totalRows == 0 ? 100 : (int) Math.min(100, processedRows * 100L / totalRows);
	}

	public boolean running() {
		return status == ImportBatchStatus.RUNNING;
	}

}
