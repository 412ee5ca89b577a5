package org.continuumcare.routes.referral;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The three resources a partner referral is made of, checked to belong together: the ReferralTask's
 * focus is the Referral, and the Task, the Referral and the Patient name the same person.
 */
public record ReferralParts(ServiceRequest referral, Task task, Patient patient) {

  public ReferralParts {
    Objects.requireNonNull(referral, "referral");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(patient, "patient");
    String sr = idPart(referral.getIdElement().getIdPart(), "ServiceRequest");
    String taskId = idPart(task.getIdElement().getIdPart(), "Task");
    String patientId = idPart(patient.getIdElement().getIdPart(), "Patient");
    if (!refersTo(task.getFocus(), "ServiceRequest", sr)) {
      throw new ReferralMappingException("Task/" + taskId + " focus is not ServiceRequest/" + sr);
    }
    if (!refersTo(referral.getSubject(), "Patient", patientId)) {
      throw new ReferralMappingException(
          "ServiceRequest/" + sr + " subject is not Patient/" + patientId);
    }
    if (task.hasFor() && !refersTo(task.getFor(), "Patient", patientId)) {
      throw new ReferralMappingException(
          "Task/" + taskId + " is for another person than Patient/" + patientId);
    }
  }

  public String taskId() {
    return task.getIdElement().getIdPart();
  }

  public String referralId() {
    return referral.getIdElement().getIdPart();
  }

  /**
   * The ReferralTask's status as a partner is told it: the Task's status code, within SDOHCC's
   * Referral Task Status; a Task stored as {@code received} before the lifecycle followed SDOHCC
   * (where received is a business status) is still {@code requested}, as {@link TaskTransitions}
   * treats it. Null when the Task has no status.
   */
  public String taskStatus() {
    if (!task.hasStatus()) {
      return null;
    }
    return task.getStatus() == Task.TaskStatus.RECEIVED
        ? Task.TaskStatus.REQUESTED.toCode()
        : task.getStatus().toCode();
  }

  /**
   * What service is requested: the code's text, else the first coding display; a referral must say.
   */
  public String requestedService() {
    var code = referral.getCode();
    if (code.hasText()) {
      return code.getText();
    }
    return code.getCoding().stream()
        .map(Coding::getDisplay)
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow(
            () ->
                new ReferralMappingException(
                    "ServiceRequest/"
                        + referralId()
                        + " does not say what service is requested (code)"));
  }

  /**
   * When the service should start: occurrence period start, or occurrence date-time; null when not
   * said.
   */
  public String requestedFrom() {
    if (referral.hasOccurrencePeriod()) {
      return referral.getOccurrencePeriod().hasStart()
          ? referral.getOccurrencePeriod().getStartElement().getValueAsString()
          : null;
    }
    return referral.hasOccurrenceDateTimeType()
        ? referral.getOccurrenceDateTimeType().getValueAsString()
        : null;
  }

  /** When the service should be done by: occurrence period end; null when not said. */
  public String requestedUntil() {
    return referral.hasOccurrencePeriod() && referral.getOccurrencePeriod().hasEnd()
        ? referral.getOccurrencePeriod().getEndElement().getValueAsString()
        : null;
  }

  /** The referral's category codes, in order. */
  public List<String> categoryCodes() {
    return referral.getCategory().stream()
        .flatMap(c -> c.getCoding().stream())
        .map(Coding::getCode)
        .filter(Objects::nonNull)
        .toList();
  }

  /** Priority code, {@code routine} when the referral does not say. */
  public String priorityCode() {
    return referral.hasPriority() ? referral.getPriority().toCode() : "routine";
  }

  /** When the referral was written (instant), or null. */
  public String authoredOn() {
    return referral.hasAuthoredOn() ? referral.getAuthoredOn().toInstant().toString() : null;
  }

  /** Who referred: the requester's display, else its reference. */
  public String requesterName() {
    return referral.getRequester().hasDisplay()
        ? referral.getRequester().getDisplay()
        : referral.getRequester().getReference();
  }

  /** The referral's notes joined by new lines, or null when there are none. */
  public String notes() {
    String notes =
        referral.getNote().stream()
            .map(Annotation::getText)
            .filter(Objects::nonNull)
            .collect(Collectors.joining("\n"));
    return notes.isEmpty() ? null : notes;
  }

  private static String idPart(String id, String type) {
    if (id == null || id.isBlank()) {
      throw new ReferralMappingException("the " + type + " has no id");
    }
    return id;
  }

  private static boolean refersTo(Reference reference, String type, String id) {
    if (reference == null || !reference.hasReference()) {
      return false;
    }
    var element = reference.getReferenceElement();
    return type.equals(element.getResourceType()) && id.equals(element.getIdPart());
  }
}
