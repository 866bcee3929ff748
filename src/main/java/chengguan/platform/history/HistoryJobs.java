package chengguan.platform.history;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors every 5 minutes and at shutdown, checks on {@code chengguan.history.check-interval}; one node each
 * (ShedLock). Off with the other jobs, and in command-line runs.
 */
@Component
@ConditionalOnBooleanProperty(name = "chengguan.jobs.enabled", matchIfMissing = true)
class HistoryJobs {

	private static final Logger log = LoggerFactory.getLogger(HistoryJobs.class);

	private final HistoryAnchors anchors;

	private final HistoryCheck check;

	private final JdbcClient jdbc;

	HistoryJobs(HistoryAnchors anchors, HistoryCheck check, JdbcClient jdbc) {
		this.anchors = anchors;
		this.check = check;
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT10S")
	@SchedulerLock(name = "history-anchor", lockAtMostFor = "PT4M")
	void anchor() {
		anchors.append(jdbc);
	}

	@Scheduled(fixedDelayString = "${chengguan.history.check-interval:PT1H}", initialDelayString = "PT2M")
	@SchedulerLock(name = "history-check", lockAtMostFor = "PT30M")
	void check() {
		check.run("定时校验");
	}

	@EventListener(ContextClosedEvent.class)
	void anchorAtShutdown() {
		try {
			anchors.append(jdbc);
		}
		catch (RuntimeException ex) {
			log.warn("No anchor at shutdown: {}", ex.getMessage());
		}
	}

}
