package org.continuumcare.routes.referral;

import java.util.Date;
import java.util.Objects;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Applies an accepted {@link TaskStatusUpdate} to a copy of a Task: status, business status (with
 * its display), the partner's note, and the partner event time in {@code Task.lastModified}, which
 * {@link CurrentTaskState#of(Task)} reads back to order later updates. A move to rejected,
 * cancelled, on-hold or failed sets {@code statusReason.text} (the partner's note, else the
 * business status's display, else the status and the source); a move to completed records the
 * resulting activity ({@link ReferralOutcome}) as the referral ServiceRequest the partner reports
 * fulfilled (the gateway replaces it with the record that came with the report, when there is one).
 */
public final class TaskUpdateApplier {

  private final CodeSystemLookup lookup;

  public TaskUpdateApplier(CodeSystemLookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** The Task after the update; {@code task} itself is not modified. */
  public Task apply(Task task, TaskStatusUpdate update) {
    Task updated = task.copy();
    TaskStatus before = task.getStatus();
    update.newStatus().ifPresent(updated::setStatus);
    String businessDisplay = null;
    if (update.newBusinessStatus().isPresent()) {
      String code = update.newBusinessStatus().get();
      businessDisplay =
          lookup.display(ContinuumTerminology.REFERRAL_BUSINESS_STATUS, code).orElse(null);
      updated.setBusinessStatus(
          new CodeableConcept(
              new Coding(ContinuumTerminology.REFERRAL_BUSINESS_STATUS, code, businessDisplay)));
    }
    Date eventTime = Date.from(update.eventTime());
    updated.setLastModified(eventTime);
    boolean hasNote = update.note() != null && !update.note().isBlank();
    if (hasNote) {
      updated.addNote(new Annotation().setText(update.note()).setTime(eventTime));
    }
    TaskStatus after = updated.getStatus();
    if (after != before && ReferralOutcome.needsReason(after)) {
      String text =
          hasNote
              ? update.note()
              : businessDisplay != null
                  ? businessDisplay
                  : after.getDisplay() + " (" + update.source() + ")";
      updated.setStatusReason(new CodeableConcept().setText(text));
    }
    if (after == TaskStatus.COMPLETED && after != before) {
      ReferralOutcome.setResultingActivity(updated, new Reference(task.getFocus().getReference()));
    }
    return updated;
  }
}
