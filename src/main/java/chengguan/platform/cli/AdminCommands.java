package chengguan.platform.cli;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as a command-line tool when an admin command's option is given: no web server
 * ({@link WebApplicationType#NONE}), no scheduled jobs, no demo data (the {@code cli} profile replaces the default
 * {@code demo}; a given profile such as {@code postgres} stays), runs the command and returns its status.
 */
public final class AdminCommands {

	/** Options of the admin commands; add one here with its {@link AdminCommand} bean. */
	public static final List<String> OPTIONS = List.of("check-history", "unlock-user", "backup");

	/** Settings of a command-line run, whatever the configuration says. */
	static final String[] PROPERTIES = { "chengguan.jobs.enabled=false", "spring.main.banner-mode=off",
			"spring.main.web-application-type=none", "chengguan.demo.case-history=false",
			"logging.level.root=warn" };

	private AdminCommands() {
	}

	/** The admin command these arguments ask for, if any. */
	public static Optional<String> requested(String... args) {
		ApplicationArguments parsed = new DefaultApplicationArguments(args);
		return OPTIONS.stream().filter(parsed::containsOption).findFirst();
	}

	/** Runs the requested command in a context of its own and returns its exit status; empty when none is asked. */
	public static Optional<Integer> runIfRequested(Class<?> application, String... args) {
		Optional<String> option = requested(args);
		if (option.isEmpty()) {
			return Optional.empty();
		}
		try (ConfigurableApplicationContext context = start(application, args)) {
			return Optional.of(execute(context, option.get(), new DefaultApplicationArguments(args)));
		}
	}

	/** The application as a command-line tool: no web server, no jobs, no demo data. */
	public static ConfigurableApplicationContext start(Class<?> application, String... args) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.profiles("cli")
			.properties(PROPERTIES)
			.registerShutdownHook(false)
			.initializers(context -> context.addBeanFactoryPostProcessor(new WithoutWebLayer()))
			.run(args);
	}

	/** Runs one command in an already started context (what {@link #runIfRequested} does after starting one). */
	public static int execute(ApplicationContext context, String option, ApplicationArguments args) {
		Optional<AdminCommand> command = context.getBeansOfType(AdminCommand.class).values().stream()
			.filter(c -> c.option().equals(option))
			.findFirst();
		if (command.isEmpty()) {
			System.err.println("没有这个命令: --" + option);
			return 64;
		}
		return command.get().run(args);
	}

}
