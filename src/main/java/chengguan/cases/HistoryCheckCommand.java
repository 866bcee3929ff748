package chengguan.cases;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chengguan.jar --check-history} (or {@code ./mvnw spring-boot:run
 * -Dspring-boot.run.arguments=--check-history}): recomputes every case's hash chain, prints each break, and exits
 * with status 0 when the history is intact and 3 when it was edited.
 */
@Component
@Order(Integer.MAX_VALUE)
class HistoryCheckCommand implements ApplicationRunner {

	static final String OPTION = "check-history";

	private static final Logger log = LoggerFactory.getLogger(HistoryCheckCommand.class);

	private final CaseHistory history;

	private final ApplicationContext context;

	HistoryCheckCommand(CaseHistory history, ApplicationContext context) {
		this.history = history;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(OPTION)) {
			return;
		}
		List<CaseHistory.Break> breaks = history.verify();
		breaks.forEach(b -> log.error("Case {} history broken at entry {}: {}", b.caseId(), b.seq(), b.reason()));
		log.info(breaks.isEmpty() ? "Case history intact." : "Case history edited in {} case(s).", breaks.size());
		int status = breaks.isEmpty() ? 0 : 3;
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> status));
	}

}
