package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

class StatusUpdatePolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
  private static final Instant T1 = Instant.parse("2026-11-24T09:00:00Z");

  private final StatusUpdatePolicy policy = StatusUpdatePolicy.referralDefault();

  private static TaskStatusUpdate update(TaskStatus status, String business, Instant at) {
    return new TaskStatusUpdate("task-1", "HX-1", status, business, at, null, "housing-callback");
  }

  @Test
  void aNewerLegalUpdateIsApplied() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.ACCEPTED, "waitlisted", T0);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(TaskStatus.INPROGRESS, "scheduled", T1), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.APPLY);
    assertThat(verdict.apply()).isTrue();
  }

  @Test
  void anOlderEventNeverOverwritesANewerOne() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.INPROGRESS, "scheduled", T1);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(TaskStatus.ACCEPTED, "waitlisted", T0), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.STALE);
    assertThat(verdict.rejected()).isFalse();
    assertThat(verdict.reason()).contains("older than the last applied event");
  }

  @Test
  void theSameEventReplayedIsADuplicate() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.INPROGRESS, "scheduled", T1);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(TaskStatus.INPROGRESS, "scheduled", T1), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.DUPLICATE);
    assertThat(verdict.apply()).isFalse();
  }

  @Test
  void aDifferentUpdateWithTheSameTimestampIsCheckedAsATransition() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.ACCEPTED, "accepted", T1);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(TaskStatus.INPROGRESS, "scheduled", T1), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.APPLY);
  }

  @Test
  void anIllegalTransitionIsRejectedWithTheAllowedOnes() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.REQUESTED, null, T0);

    StatusUpdateVerdict verdict =
        policy.decide(
            current, update(TaskStatus.COMPLETED, "placed-in-housing", T1), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.ILLEGAL_TRANSITION);
    assertThat(verdict.rejected()).isTrue();
    assertThat(verdict.reason()).endsWith("allowed from requested: accepted, cancelled, rejected");
  }

  @Test
  void anUnknownBusinessStatusIsRejected() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.ACCEPTED, null, T0);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(null, "housed-maybe", T1), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.UNKNOWN_BUSINESS_STATUS);
    assertThat(verdict.rejected()).isTrue();
  }

  @Test
  void aBusinessStatusOnlyUpdateKeepsAFinalStatusAndIsApplied() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.COMPLETED, "job-started", T0);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(null, "job-lost", T1), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.APPLY);
    assertThat(verdict.transition().unchanged()).isTrue();
  }

  @Test
  void aTaskWithNoAppliedEventAcceptsAnyLegalUpdate() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.REQUESTED, null, null);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(null, "received", T0), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.APPLY);
  }

  @Test
  void theTaskStatusReceivedIsOutsideTheSdohccLifecycle() {
    CurrentTaskState current = new CurrentTaskState(TaskStatus.REQUESTED, null, null);

    StatusUpdateVerdict verdict =
        policy.decide(current, update(TaskStatus.RECEIVED, "received", T0), ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.ILLEGAL_TRANSITION);
  }

  @Test
  void anEventDatedBeforeTheTaskWasAuthoredIsStale() {
    org.hl7.fhir.r4.model.Task task = ReferralFixtures.task("task-1", "sr-1");
    task.setAuthoredOn(java.util.Date.from(T1));

    StatusUpdateVerdict verdict =
        policy.decide(
            CurrentTaskState.of(task),
            update(TaskStatus.ACCEPTED, "accepted", T0),
            ActorRole.RECIPIENT);

    assertThat(verdict.decision()).isEqualTo(UpdateDecision.STALE);
  }
}
