package org.continuumcare.routes.referral;

import java.time.Instant;
import java.util.Objects;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * What the policy needs to know about a stored Task.
 *
 * @param status         current Task.status
 * @param businessStatus current business status code (may be null)
 * @param lastEventTime  partner event time of the last applied update (null when none was applied)
 */
public record CurrentTaskState(TaskStatus status, String businessStatus, Instant lastEventTime) {

    public CurrentTaskState {
        Objects.requireNonNull(status, "status");
    }

    /**
     * Reads the state of a stored Task: its status, the first business status coding and the partner event
     * time of the last applied update, kept in {@code Task.lastModified} by {@link TaskUpdateApplier}.
     */
    public static CurrentTaskState of(Task task) {
        String business = task.hasBusinessStatus() && task.getBusinessStatus().hasCoding()
                ? task.getBusinessStatus().getCodingFirstRep().getCode() : null;
        Instant last = task.hasLastModified() ? task.getLastModified().toInstant() : null;
        return new CurrentTaskState(task.getStatus(), business, last);
    }
}
