package chengguan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

	public static void main(String[] args) {
		// --check-history, --unlock-user=NAME …: a command-line tool without web server or jobs, then exit
		java.util.Optional<Integer> status = chengguan.platform.cli.AdminCommands.runIfRequested(Application.class, args);
		if (status.isPresent()) {
			System.exit(status.get());
		}
		SpringApplication.run(Application.class, args);
	}

}
