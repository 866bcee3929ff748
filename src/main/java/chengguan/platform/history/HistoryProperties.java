package chengguan.platform.history;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param algorithm     the MAC that seals new rows: {@code HMAC-SHA256} or {@code HMAC-SM3}
 * @param anchorFile    where signed anchors are appended: best on another volume, or an export the bureau keeps
 * @param commitHorizon longest a transaction writing history may take; anchors leave newer rows to the next one,
 *                      so a row committed late never lands behind an anchor that did not see it
 * @param checkInterval how often the full check runs (one node)
 */
@ConfigurationProperties("chengguan.history")
public record HistoryProperties(String algorithm, Path anchorFile, Duration commitHorizon, Duration checkInterval) {

	public HistoryProperties {
		if (algorithm == null) {
			algorithm = MacAlgorithm.HMAC_SHA256.id();
		}
		if (MacAlgorithm.byId(algorithm).isEmpty()) {
			throw new IllegalArgumentException("chengguan.history.algorithm must be HMAC-SHA256 or HMAC-SM3, not "
					+ algorithm);
		}
		if (anchorFile == null) {
			anchorFile = Path.of("data", "history-anchors.log");
		}
		if (commitHorizon == null) {
			commitHorizon = Duration.ofMinutes(1);
		}
		if (checkInterval == null) {
			checkInterval = Duration.ofHours(1);
		}
	}

}
