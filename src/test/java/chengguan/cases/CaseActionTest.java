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
				CaseAction.DECLINE, CaseAction.RESOLVE_ON_SPOT, CaseAction.MERGE, CaseAction.REQUEST_EXCLUSION,
				CaseAction.APPROVE_EXCLUSION, CaseAction.REFUSE_EXCLUSION);
		assertThat(CaseAction.availableFrom(CaseState.REGISTERED)).containsExactlyInAnyOrder(CaseAction.DISPATCH,
				CaseAction.MERGE, CaseAction.REQUEST_EXCLUSION, CaseAction.APPROVE_EXCLUSION, CaseAction.REFUSE_EXCLUSION);
		assertThat(CaseAction.availableFrom(CaseState.DISPATCHED)).containsExactlyInAnyOrder(CaseAction.START,
				CaseAction.RETURN, CaseAction.REASSIGN, CaseAction.REQUEST_EXTENSION, CaseAction.APPROVE_EXTENSION,
				CaseAction.REFUSE_EXTENSION, CaseAction.REQUEST_EXCLUSION, CaseAction.APPROVE_EXCLUSION,
				CaseAction.REFUSE_EXCLUSION);
		assertThat(CaseAction.availableFrom(CaseState.HANDLING)).containsExactlyInAnyOrder(CaseAction.FEEDBACK_DONE,
				CaseAction.RETURN, CaseAction.REASSIGN, CaseAction.REQUEST_EXTENSION, CaseAction.APPROVE_EXTENSION,
				CaseAction.REFUSE_EXTENSION, CaseAction.REQUEST_SUSPENSION, CaseAction.APPROVE_SUSPENSION,
				CaseAction.REFUSE_SUSPENSION, CaseAction.REQUEST_EXCLUSION, CaseAction.APPROVE_EXCLUSION,
				CaseAction.REFUSE_EXCLUSION);
		assertThat(CaseAction.availableFrom(CaseState.SUSPENDED)).containsExactly(CaseAction.RESUME);
		assertThat(CaseAction.availableFrom(CaseState.FEEDBACK)).containsExactlyInAnyOrder(CaseAction.VERIFY_PASS,
				CaseAction.VERIFY_FAIL, CaseAction.REQUEST_EXCLUSION, CaseAction.APPROVE_EXCLUSION,
				CaseAction.REFUSE_EXCLUSION);
		assertThat(CaseAction.availableFrom(CaseState.CLOSED)).containsExactlyInAnyOrder(CaseAction.ARCHIVE,
				CaseAction.REOPEN, CaseAction.FOLLOW_UP_SATISFIED, CaseAction.FOLLOW_UP_DISSATISFIED,
				CaseAction.EXPIRE_UNRATED, CaseAction.REQUEST_EXCLUSION, CaseAction.APPROVE_EXCLUSION,
				CaseAction.REFUSE_EXCLUSION);
	}

	@Test
	void requestsAndRefusalsLeaveTheStateWhereItIs() {
		assertThat(CaseAction.REQUEST_EXTENSION.targetFrom(CaseState.DISPATCHED)).isEqualTo(CaseState.DISPATCHED);
		assertThat(CaseAction.REFUSE_SUSPENSION.targetFrom(CaseState.HANDLING)).isEqualTo(CaseState.HANDLING);
		assertThat(CaseAction.APPROVE_SUSPENSION.targetFrom(CaseState.HANDLING)).isEqualTo(CaseState.SUSPENDED);
		assertThat(CaseAction.REFUSE_EXTENSION.noteRequired()).isTrue();
		assertThat(CaseAction.EXPIRE_UNRATED.mayBeTakenBy(java.util.Set.of(chengguan.platform.security.Role.ADMIN)))
			.as("only the follow-up job ends a case as 未评价").isFalse();
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
