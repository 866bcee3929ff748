package chengguan.platform.cli;

import org.springframework.boot.ApplicationArguments;

/**
 * A command an operator runs as {@code java -jar chengguan.jar --OPTION[=VALUE]}. Its option must also be listed in
 * {@link AdminCommands#OPTIONS}, which is read before the application starts (to start it without a web server).
 */
public interface AdminCommand {

	/** The option without its dashes, e.g. {@code check-history}. */
	String option();

	/** Runs the command; prints what it did for the operator; returns the process's exit status (0 = fine). */
	int run(ApplicationArguments args);

}
