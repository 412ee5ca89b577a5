package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

class TaskUpdateApplierTest {

  private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
  private static final Instant T1 = Instant.parse("2026-11-24T09:00:00Z");

  private final TaskUpdateApplier applier = new TaskUpdateApplier(CodeSystemLookup.shared());

  @Test
  void appliesStatusBusinessStatusNoteAndEventTimeToACopy() {
    Task task = new Task().setStatus(TaskStatus.ACCEPTED).setLastModified(Date.from(T0));
    task.setId("task-1");

    Task updated =
        applier.apply(
            task,
            new TaskStatusUpdate(
                "task-1",
                "HX-1",
                TaskStatus.INPROGRESS,
                "scheduled",
                T1,
                "Intake on Monday",
                "housing-callback"));

    assertThat(updated.getStatus()).isEqualTo(TaskStatus.INPROGRESS);
    assertThat(updated.getBusinessStatus().getCodingFirstRep().getSystem())
        .isEqualTo(ContinuumTerminology.REFERRAL_BUSINESS_STATUS);
    assertThat(updated.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("scheduled");
    assertThat(updated.getBusinessStatus().getCodingFirstRep().getDisplay()).isEqualTo("Scheduled");
    assertThat(updated.getNoteFirstRep().getText()).isEqualTo("Intake on Monday");
    assertThat(updated.getLastModified().toInstant()).isEqualTo(T1);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.ACCEPTED);
    assertThat(task.hasNote()).isFalse();
  }

  @Test
  void theAppliedEventTimeIsWhatThePolicyReadsBack() {
    Task updated =
        applier.apply(
            new Task().setStatus(TaskStatus.ACCEPTED),
            new TaskStatusUpdate("task-1", null, null, "waitlisted", T1, null, "housing-callback"));

    CurrentTaskState state = CurrentTaskState.of(updated);

    assertThat(state).isEqualTo(new CurrentTaskState(TaskStatus.ACCEPTED, "waitlisted", T1));
  }

  @Test
  void aRejectionCarriesTheBusinessStatusAsItsReasonText() {
    Task updated =
        applier.apply(
            new Task().setStatus(TaskStatus.REQUESTED),
            new TaskStatusUpdate(
                "task-1", null, TaskStatus.REJECTED, "declined", T1, null, "housing-callback"));

    assertThat(updated.getStatusReason().getText()).isEqualTo("Declined");
  }

  @Test
  void aFailureCarriesThePartnersNoteAsItsReasonText() {
    Task updated =
        applier.apply(
            new Task().setStatus(TaskStatus.INPROGRESS),
            new TaskStatusUpdate(
                "task-1",
                null,
                TaskStatus.FAILED,
                null,
                T1,
                "No contact for 30 days",
                "housing-callback"));

    assertThat(updated.getStatusReason().getText()).isEqualTo("No contact for 30 days");
  }

  @Test
  void aCancellationWithNeitherNoteNorBusinessStatusNamesStatusAndSource() {
    Task updated =
        applier.apply(
            new Task().setStatus(TaskStatus.ACCEPTED),
            new TaskStatusUpdate(
                "task-1", null, TaskStatus.CANCELLED, null, T1, null, "probation-status"));

    assertThat(updated.getStatusReason().getText()).isEqualTo("Cancelled (probation-status)");
  }

  @Test
  void completionRecordsTheFulfilledReferralAsTheResultingActivity() {
    Task task = new Task().setStatus(TaskStatus.INPROGRESS);
    task.setFocus(new Reference("ServiceRequest/sr-1"));

    Task updated =
        applier.apply(
            task,
            new TaskStatusUpdate(
                "task-1",
                null,
                TaskStatus.COMPLETED,
                "placed-in-housing",
                T1,
                null,
                "housing-callback"));

    assertThat(ReferralOutcome.hasResultingActivity(updated)).isTrue();
    assertThat(updated.getOutputFirstRep().getType().getCodingFirstRep().getCode())
        .isEqualTo("resulting-activity");
    assertThat(((Reference) updated.getOutputFirstRep().getValue()).getReference())
        .isEqualTo("ServiceRequest/sr-1");
    assertThat(updated.hasStatusReason()).isFalse();
  }

  @Test
  void aBusinessStatusOnlyUpdateOfAnOpenTaskAddsNoReasonAndNoOutput() {
    Task updated =
        applier.apply(
            new Task().setStatus(TaskStatus.REQUESTED),
            new TaskStatusUpdate("task-1", null, null, "received", T1, null, "housing-callback"));

    assertThat(updated.getStatus()).isEqualTo(TaskStatus.REQUESTED);
    assertThat(updated.hasStatusReason()).isFalse();
    assertThat(updated.hasOutput()).isFalse();
  }
}
