package chengguan.cases;

import java.util.Set;

import org.junit.jupiter.api.Test;

import chengguan.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The state machine as a table: each state offers exactly the steps the seeds describe. */
class CaseActionTest {

	@Test
	void eachStateOffersItsSteps() {
		assertThat(CaseAction.availableFrom(CaseState.PENDING))
			.containsExactlyInAnyOrder(CaseAction.ACCEPT, CaseAction.RESOLVE_ON_SPOT, CaseAction.DECLINE, CaseAction.MERGE);
		assertThat(CaseAction.availableFrom(CaseState.ACCEPTED)).containsExactlyInAnyOrder(CaseAction.REGISTER,
				CaseAction.DECLINE, CaseAction.RESOLVE_ON_SPOT, CaseAction.MERGE);
		assertThat(CaseAction.availableFrom(CaseState.REGISTERED)).containsExactlyInAnyOrder(CaseAction.DISPATCH,
				CaseAction.MERGE);
		assertThat(CaseAction.availableFrom(CaseState.DISPATCHED)).containsExactlyInAnyOrder(CaseAction.START,
				CaseAction.RETURN, CaseAction.REASSIGN);
		assertThat(CaseAction.availableFrom(CaseState.HANDLING)).containsExactlyInAnyOrder(CaseAction.FEEDBACK_DONE,
				CaseAction.RETURN, CaseAction.REASSIGN);
		assertThat(CaseAction.availableFrom(CaseState.FEEDBACK)).containsExactlyInAnyOrder(CaseAction.VERIFY_PASS,
				CaseAction.VERIFY_FAIL);
		assertThat(CaseAction.availableFrom(CaseState.CLOSED)).containsExactlyInAnyOrder(CaseAction.ARCHIVE,
				CaseAction.REOPEN);
	}

	@Test
	void terminalStatesOfferNothing() {
		for (CaseState state : CaseState.values()) {
			assertThat(CaseAction.availableFrom(state).isEmpty()).isEqualTo(state.isTerminal());
		}
	}

	@Test
	void reworkLeadsBackToHandling() {
		assertThat(CaseAction.VERIFY_FAIL.target()).isEqualTo(CaseState.HANDLING);
		assertThat(CaseAction.REOPEN.target()).isEqualTo(CaseState.HANDLING);
		assertThat(CaseAction.VERIFY_FAIL.noteRequired()).isTrue();
		assertThat(CaseAction.DECLINE.noteRequired()).isTrue();
	}

	@Test
	void rolesAreChecked() {
		assertThat(CaseAction.ACCEPT.mayBeTakenBy(Set.of(Role.HANDLER))).isFalse();
		assertThat(CaseAction.ACCEPT.mayBeTakenBy(Set.of(Role.HANDLER, Role.DISPATCHER))).isTrue();
		assertThat(CaseAction.FEEDBACK_DONE.mayBeTakenBy(Set.of(Role.HANDLER))).isTrue();
		assertThat(CaseAction.VERIFY_PASS.mayBeTakenBy(Set.of(Role.HANDLER))).isFalse();
		assertThat(CaseAction.VERIFY_PASS.mayBeTakenBy(Set.of(Role.INSPECTOR))).isTrue();
		assertThat(CaseAction.DISPATCH.mayBeTakenBy(Set.of(Role.LEADER))).isFalse();
	}

}
