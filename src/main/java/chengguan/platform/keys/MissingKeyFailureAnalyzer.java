package chengguan.platform.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the platform did not start when a key is missing, instead of a page of bean errors. */
class MissingKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give the key through the environment, e.g. CHENGGUAN_KEYS_HISTORY=h2026a:$(openssl rand -base64 32) "
						+ "(the same on every node), or point chengguan.keys.file at a key file; see README, 安全.",
				cause);
	}

}
