package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.util.Date;
import org.continuumcare.terminology.CodeSystemLookup;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

class PartnerTaskUpdaterTest {

  private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
  private static final Instant T1 = Instant.parse("2026-11-24T09:00:00Z");

  private final PartnerTaskUpdater updater =
      new PartnerTaskUpdater(
          StatusUpdatePolicy.referralDefault(), new TaskUpdateApplier(CodeSystemLookup.shared()));

  private static Task accepted() {
    Task task = ReferralFixtures.task("task-h1", "jordan-referral-housing");
    task.setStatus(TaskStatus.ACCEPTED).setLastModified(Date.from(T0));
    return task;
  }

  private static TaskStatusUpdate update(
      String taskId, TaskStatus status, String business, Instant at) {
    return new TaskStatusUpdate(taskId, "ODH-77", status, business, at, null, "housing-callback");
  }

  @Test
  void theOwningPartnerMovesTheTask() {
    TaskUpdateResult result =
        updater.update(
            accepted(), update("task-h1", TaskStatus.INPROGRESS, "scheduled", T1), "demo-housing");

    assertThat(result.changed()).get().extracting(Task::getStatus).isEqualTo(TaskStatus.INPROGRESS);
  }

  @Test
  void anotherPartnersTaskIsForbidden() {
    assertThatThrownBy(
            () ->
                updater.update(
                    accepted(),
                    update("task-h1", TaskStatus.INPROGRESS, null, T1),
                    "demo-employment"))
        .isInstanceOf(ForbiddenOperationException.class)
        .hasMessageContaining("not addressed to partner demo-employment");
  }

  @Test
  void anUpdateNamingAnotherTaskIsABadRequest() {
    assertThatThrownBy(
            () ->
                updater.update(
                    accepted(), update("task-x", TaskStatus.INPROGRESS, null, T1), "demo-housing"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void anIllegalTransitionIsUnprocessableAndNamesTheAllowedOnes() {
    assertThatThrownBy(
            () ->
                updater.update(
                    accepted(), update("task-h1", TaskStatus.COMPLETED, null, T1), "demo-housing"))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("allowed from accepted: cancelled, failed, in-progress, on-hold");
  }

  @Test
  void anUnknownBusinessStatusIsABadRequest() {
    assertThatThrownBy(
            () ->
                updater.update(
                    accepted(), update("task-h1", null, "teleported", T1), "demo-housing"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Unknown business status 'teleported'");
  }

  @Test
  void aLateUpdateChangesNothingAndIsNotAnError() {
    TaskUpdateResult result =
        updater.update(
            accepted(), update("task-h1", null, "received", T0.minusSeconds(60)), "demo-housing");

    assertThat(result.verdict().decision()).isEqualTo(UpdateDecision.STALE);
    assertThat(result.changed()).isEmpty();
  }
}
