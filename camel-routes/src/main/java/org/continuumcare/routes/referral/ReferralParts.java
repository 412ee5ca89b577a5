package org.continuumcare.routes.referral;

import java.util.Objects;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The three resources a partner referral is made of, checked to belong together: the ReferralTask's focus is
 * the Referral, and the Task, the Referral and the Patient name the same person.
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
            throw new ReferralMappingException("ServiceRequest/" + sr + " subject is not Patient/" + patientId);
        }
        if (task.hasFor() && !refersTo(task.getFor(), "Patient", patientId)) {
            throw new ReferralMappingException("Task/" + taskId + " is for another person than Patient/" + patientId);
        }
    }

    public String taskId() {
        return task.getIdElement().getIdPart();
    }

    public String referralId() {
        return referral.getIdElement().getIdPart();
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
