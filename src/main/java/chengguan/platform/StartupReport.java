package chengguan.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.metrics.StartupStep;

/**
 * What the start-up spent its time on, when asked for with {@code -Dchengguan.startup-report=true}: the slowest
 * bean creations and other steps Spring recorded (a step's time includes the steps inside it). Off by default —
 * recording costs a little itself.
 */
public final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	public static final String PROPERTY = "chengguan.startup-report";

	private static final int SHOWN = 25;

	private final BufferingApplicationStartup recorded;

	public StartupReport(BufferingApplicationStartup recorded) {
		this.recorded = recorded;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		StartupTimeline timeline = recorded.drainBufferedTimeline();
		List<StartupTimeline.TimelineEvent> events = new ArrayList<>(timeline.getEvents());
		events.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
		StringBuilder report = new StringBuilder("Start-up, slowest steps (").append(events.size())
			.append(" recorded; times include nested steps):");
		for (StartupTimeline.TimelineEvent step : events.subList(0, Math.min(SHOWN, events.size()))) {
			report.append(String.format("%n%7d ms  %s", step.getDuration().toMillis(), step.getStartupStep().getName()));
			for (StartupStep.Tag tag : step.getStartupStep().getTags()) {
				if (tag.getKey().equals("beanName")) {
					report.append(' ').append(tag.getValue());
				}
			}
		}
		Duration sinceStart = Duration.between(timeline.getStartTime(), java.time.Instant.now());
		report.append(String.format("%nready %d ms after the JVM's start-up recording began", sinceStart.toMillis()));
		log.info(report.toString());
	}

}
