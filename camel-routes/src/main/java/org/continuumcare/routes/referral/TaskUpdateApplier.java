package org.continuumcare.routes.referral;

import java.util.Date;
import java.util.Objects;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;

/**
 * Applies an accepted {@link TaskStatusUpdate} to a copy of a Task: status, business status (with
 * its display), the partner's note, and the partner event time in {@code Task.lastModified}, which
 * {@link CurrentTaskState#of(Task)} reads back to order later updates.
 */
public final class TaskUpdateApplier {

  private final CodeSystemLookup lookup;

  public TaskUpdateApplier(CodeSystemLookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** The Task after the update; {@code task} itself is not modified. */
  public Task apply(Task task, TaskStatusUpdate update) {
    Task updated = task.copy();
    update.newStatus().ifPresent(updated::setStatus);
    update
        .newBusinessStatus()
        .ifPresent(
            code ->
                updated.setBusinessStatus(
                    new CodeableConcept(
                        new Coding(
                            ContinuumTerminology.REFERRAL_BUSINESS_STATUS,
                            code,
                            lookup
                                .display(ContinuumTerminology.REFERRAL_BUSINESS_STATUS, code)
                                .orElse(null)))));
    Date eventTime = Date.from(update.eventTime());
    updated.setLastModified(eventTime);
    if (update.note() != null && !update.note().isBlank()) {
      updated.addNote(new Annotation().setText(update.note()).setTime(eventTime));
    }
    return updated;
  }
}
