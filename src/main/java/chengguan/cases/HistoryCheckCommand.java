package chengguan.cases;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import chengguan.platform.cli.AdminCommand;
import chengguan.platform.history.HistoryCheck;

/**
 * {@code java -jar chengguan.jar --check-history} (or {@code ./mvnw spring-boot:run
 * -Dspring-boot.run.arguments=--check-history}): runs the history check without the web server (see
 * {@link chengguan.platform.cli.AdminCommands}), prints what it checked, and exits with status 0 when the history is
 * intact and 3, after the list of affected cases, when it is not. The result is kept and alarms like a scheduled one.
 */
@Component
class HistoryCheckCommand implements AdminCommand {

	static final String OPTION = "check-history";

	static final int TAMPERED = 3;

	private final HistoryCheck check;

	HistoryCheckCommand(HistoryCheck check) {
		this.check = check;
	}

	@Override
	public String option() {
		return OPTION;
	}

	@Override
	public int run(ApplicationArguments args) {
		PrintStream out = System.out;
		HistoryCheck.Result result = check.run("命令行");
		result.lines().forEach(out::println);
		if (result.intact()) {
			return 0;
		}
		List<String> cases = result.affected("case");
		out.println("受影响的案卷 (affected cases): " + (cases.isEmpty() ? "—" : String.join(", ", cases)));
		result.findings().forEach(f -> out.println("  " + f.targetType() + " " + f.targetId() + ": " + f.reason()));
		return TAMPERED;
	}

}
