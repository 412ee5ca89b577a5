package org.continuumcare.routes.referral;

import java.time.Instant;
import java.util.Objects;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * What the policy needs to know about a stored Task.
 *
 * @param status current Task.status
 * @param businessStatus current business status code (may be null)
 * @param lastEventTime partner event time of the last applied update; before any, when the Task was
 *     authored (an event older than the Task never changes it); null when neither is known
 */
public record CurrentTaskState(TaskStatus status, String businessStatus, Instant lastEventTime) {

  public CurrentTaskState {
    Objects.requireNonNull(status, "status");
  }

  /**
   * Reads the state of a stored Task: its status, the first business status coding and the partner
   * event time of the last applied update, kept in {@code Task.lastModified} by {@link
   * TaskUpdateApplier}, or {@code Task.authoredOn} before any (so an event dated before the Task is
   * stale and lastModified never precedes authoredOn, FHIR invariant tsk-1/inv-1).
   */
  public static CurrentTaskState of(Task task) {
    String business =
        task.hasBusinessStatus() && task.getBusinessStatus().hasCoding()
            ? task.getBusinessStatus().getCodingFirstRep().getCode()
            : null;
    Instant last =
        task.hasLastModified()
            ? task.getLastModified().toInstant()
            : task.hasAuthoredOn() ? task.getAuthoredOn().toInstant() : null;
    return new CurrentTaskState(task.getStatus(), business, last);
  }
}
