package chengguan;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import chengguan.platform.StartupReport;
import chengguan.platform.cli.AdminCommands;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

	public static void main(String[] args) {
		// --check-history, --unlock-user=NAME …: a command-line tool without web server or jobs, then exit
		Optional<Integer> status = AdminCommands.runIfRequested(Application.class, args);
		if (status.isPresent()) {
			System.exit(status.get());
		}
		SpringApplication application = new SpringApplication(Application.class);
		if (Boolean.getBoolean(StartupReport.PROPERTY)) {
			BufferingApplicationStartup recorded = new BufferingApplicationStartup(20_000);
			application.setApplicationStartup(recorded);
			application.addListeners(new StartupReport(recorded));
		}
		application.run(args);
	}

}
