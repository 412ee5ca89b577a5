package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
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
}
