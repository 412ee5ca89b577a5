package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

class TaskTransitionGuardTest {

  private final TaskTransitionGuard guard =
      new TaskTransitionGuard(TaskTransitions.referralLifecycle());

  private static Task stored(TaskStatus status) {
    Task task = ReferralFixtures.task("task-h1", "jordan-referral-housing");
    task.setStatus(status);
    task.setRequester(new Reference("Organization/demo-prison"));
    return task;
  }

  private static Task to(Task stored, TaskStatus status) {
    Task updated = stored.copy();
    updated.setStatus(status);
    return updated;
  }

  private static Task cancelled(Task stored, String reason) {
    Task updated = to(stored, TaskStatus.CANCELLED);
    updated.setStatusReason(new CodeableConcept().setText(reason));
    return updated;
  }

  private static TaskParty partner(String org) {
    return new TaskParty(org, TaskParty.Kind.PARTNER);
  }

  @Test
  void ownerIsTheRecipientAndMayAccept() {
    Task task = stored(TaskStatus.REQUESTED);
    assertThatCode(() -> guard.check(task, to(task, TaskStatus.ACCEPTED), partner("demo-housing")))
        .doesNotThrowAnyException();
  }

  @Test
  void ownerMayNotSkipFromRequestedToCompletedAndIsToldWhatIsAllowed() {
    Task task = stored(TaskStatus.REQUESTED);
    assertThatThrownBy(
            () -> guard.check(task, to(task, TaskStatus.COMPLETED), partner("demo-housing")))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("requested -> completed is not allowed for the recipient")
        .hasMessageContaining("allowed from requested: accepted, cancelled, rejected");
  }

  @Test
  void requesterOrganizationMayCancelButNotAccept() {
    Task task = stored(TaskStatus.REQUESTED);
    TaskParty prison = new TaskParty("demo-prison", TaskParty.Kind.CARE_TEAM);
    assertThatCode(() -> guard.check(task, cancelled(task, "Release called off"), prison))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.check(task, to(task, TaskStatus.ACCEPTED), prison))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("not allowed for the requester");
  }

  @Test
  void careTeamOfAnotherOrganizationRefersForTheNetwork() {
    Task task = stored(TaskStatus.DRAFT);
    assertThat(guard.sidesOf(task, new TaskParty("demo-treatment", TaskParty.Kind.CARE_TEAM)))
        .containsExactly(ActorRole.REQUESTER);
  }

  @Test
  void partnerHoldingNoSideIsForbidden() {
    Task task = stored(TaskStatus.REQUESTED);
    assertThatThrownBy(
            () -> guard.check(task, to(task, TaskStatus.ACCEPTED), partner("demo-employment")))
        .isInstanceOf(ForbiddenOperationException.class)
        .hasMessageContaining("neither the requester nor the owner of Task/task-h1");
  }

  @Test
  void adminMayMakeAnyTransitionLegalForEitherSideButNoIllegalOne() {
    Task task = stored(TaskStatus.ACCEPTED);
    assertThatCode(() -> guard.check(task, to(task, TaskStatus.INPROGRESS), TaskParty.admin()))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check(task, to(task, TaskStatus.ENTEREDINERROR), TaskParty.admin()))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> guard.check(task, to(task, TaskStatus.DRAFT), TaskParty.admin()))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("accepted -> draft is not allowed for either side")
        .hasMessageContaining("requester: cancelled, entered-in-error")
        .hasMessageContaining("recipient: cancelled, failed, in-progress, on-hold");
  }

  @Test
  void unchangedStatusIsNeverCheckedEvenForAFinalTask() {
    Task task = stored(TaskStatus.COMPLETED);
    assertThatCode(
            () -> guard.check(task, to(task, TaskStatus.COMPLETED), partner("demo-employment")))
        .doesNotThrowAnyException();
  }

  @Test
  void recognisesTheReferralTaskProfile() {
    Task task = stored(TaskStatus.REQUESTED);
    assertThat(TaskTransitionGuard.isReferralTask(task)).isFalse();
    task.getMeta().addProfile(TaskTransitionGuard.REFERRAL_TASK_PROFILE);
    assertThat(TaskTransitionGuard.isReferralTask(task)).isTrue();
  }

  @Test
  void aRejectionWithoutAReasonIsRefusedNamingStatusReason() {
    Task task = stored(TaskStatus.REQUESTED);
    assertThatThrownBy(
            () -> guard.check(task, to(task, TaskStatus.REJECTED), partner("demo-housing")))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("moving to rejected needs statusReason.text")
        .satisfies(
            e ->
                assertThat(
                        ((org.hl7.fhir.r4.model.OperationOutcome)
                                ((UnprocessableEntityException) e).getOperationOutcome())
                            .getIssueFirstRep()
                            .getExpression()
                            .get(0)
                            .getValue())
                    .isEqualTo("Task.statusReason"));
  }

  @Test
  void onHoldAndFailedNeedAReasonToo() {
    Task task = stored(TaskStatus.INPROGRESS);
    for (TaskStatus status : new TaskStatus[] {TaskStatus.ONHOLD, TaskStatus.FAILED}) {
      assertThatThrownBy(() -> guard.check(task, to(task, status), partner("demo-housing")))
          .isInstanceOf(UnprocessableEntityException.class)
          .hasMessageContaining("needs statusReason.text");
      Task withReason = to(task, status);
      withReason.setStatusReason(new CodeableConcept().setText("Lost contact"));
      assertThatCode(() -> guard.check(task, withReason, partner("demo-housing")))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void completionWithoutAResultingActivityIsRefusedNamingOutput() {
    Task task = stored(TaskStatus.INPROGRESS);
    assertThatThrownBy(
            () -> guard.check(task, to(task, TaskStatus.COMPLETED), partner("demo-housing")))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("moving to completed needs an output of type")
        .hasMessageContaining("resulting-activity");
    Task done = to(task, TaskStatus.COMPLETED);
    ReferralOutcome.setResultingActivity(done, new Reference("Observation/housed-1"));
    assertThatCode(() -> guard.check(task, done, partner("demo-housing")))
        .doesNotThrowAnyException();
  }
}
