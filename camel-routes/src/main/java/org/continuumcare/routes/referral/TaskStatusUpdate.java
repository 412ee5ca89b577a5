package org.continuumcare.routes.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * A partner's report about one referral Task, translated to our codes; applied by the gateway after
 * {@link StatusUpdatePolicy} and {@link TaskTransitions} agree.
 *
 * @param taskId our Task's logical id
 * @param partnerRef the partner's own id for the referral (may be null)
 * @param status new Task.status, or null to keep the current status (business-status-only update)
 * @param businessStatus code from CodeSystem referral-business-status (may be null)
 * @param eventTime when the event happened at the partner (orders updates; older never overwrites
 *     newer)
 * @param note free text from the partner (may be null; not logged)
 * @param source where the update came from, e.g. {@code housing-callback}, {@code hmis-import}
 */
public record TaskStatusUpdate(
    String taskId,
    String partnerRef,
    TaskStatus status,
    String businessStatus,
    Instant eventTime,
    String note,
    String source) {

  public TaskStatusUpdate {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(source, "source");
    if (status == null && businessStatus == null) {
      throw new IllegalArgumentException(
          "an update changes the status, the business status or both");
    }
  }

  public Optional<TaskStatus> newStatus() {
    return Optional.ofNullable(status);
  }

  public Optional<String> newBusinessStatus() {
    return Optional.ofNullable(businessStatus);
  }
}
