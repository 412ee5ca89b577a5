package org.continuumcare.routes.referral;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * What SDOHCC (Gravity SDOH Clinical Care 2.3.0, TaskForReferralManagement) asks of a referral Task
 * beyond its status: a {@code statusReason} with text when it is rejected, cancelled, on hold or
 * failed; an {@code output} of type {@code resulting-activity} referencing what was done when it is
 * completed; and the referral ServiceRequest that follows its Task (completed with it, revoked when
 * it is cancelled). Pure functions over FHIR values.
 */
public final class ReferralOutcome {

  /** SDOHCC's temporary code system (Task.output.type, among others). */
  public static final String SDOHCC_TEMPORARY_CODES =
      "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

  /** Task.output.type of the activity that fulfilled the referral. */
  public static final String RESULTING_ACTIVITY = "resulting-activity";

  private static final Set<TaskStatus> NEEDS_REASON =
      EnumSet.of(TaskStatus.REJECTED, TaskStatus.CANCELLED, TaskStatus.ONHOLD, TaskStatus.FAILED);

  private ReferralOutcome() {}

  /** Whether a Task in {@code status} must say why in {@code statusReason.text}. */
  public static boolean needsReason(TaskStatus status) {
    return status != null && NEEDS_REASON.contains(status);
  }

  /** Whether the Task has a statusReason with text. */
  public static boolean hasReasonText(Task task) {
    return task.hasStatusReason() && task.getStatusReason().hasText();
  }

  /** Whether the Task has an output of type resulting-activity with a reference. */
  public static boolean hasResultingActivity(Task task) {
    return task.getOutput().stream()
        .anyMatch(
            o ->
                isResultingActivity(o.getType())
                    && o.getValue() instanceof Reference r
                    && r.hasReference());
  }

  /**
   * Sets the Task's resulting activity to {@code activity}, replacing an earlier resulting-activity
   * output (other outputs stay).
   */
  public static void setResultingActivity(Task task, Reference activity) {
    Objects.requireNonNull(activity, "activity");
    task.getOutput().removeIf(o -> isResultingActivity(o.getType()));
    task.addOutput()
        .setType(
            new CodeableConcept(
                new Coding(SDOHCC_TEMPORARY_CODES, RESULTING_ACTIVITY, "Resulting Activity")))
        .setValue(activity);
  }

  /**
   * The status the referral ServiceRequest takes when its Task moves to {@code taskStatus} while
   * the referral is {@code current}: completed with a completed Task, revoked with a cancelled one;
   * empty when it stays as it is (other Task statuses, or a referral already ended or entered in
   * error).
   */
  public static Optional<ServiceRequestStatus> referralStatusFor(
      TaskStatus taskStatus, ServiceRequestStatus current) {
    if (current != ServiceRequestStatus.ACTIVE
        && current != ServiceRequestStatus.ONHOLD
        && current != ServiceRequestStatus.DRAFT) {
      return Optional.empty();
    }
    if (taskStatus == TaskStatus.COMPLETED) {
      return Optional.of(ServiceRequestStatus.COMPLETED);
    }
    if (taskStatus == TaskStatus.CANCELLED) {
      return Optional.of(ServiceRequestStatus.REVOKED);
    }
    return Optional.empty();
  }

  private static boolean isResultingActivity(CodeableConcept type) {
    return type != null
        && type.getCoding().stream()
            .anyMatch(
                c ->
                    SDOHCC_TEMPORARY_CODES.equals(c.getSystem())
                        && RESULTING_ACTIVITY.equals(c.getCode()));
  }
}
