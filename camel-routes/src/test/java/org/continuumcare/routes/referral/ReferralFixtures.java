package org.continuumcare.routes.referral;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The worked scenario's housing referral of Jordan Reyes (as in fhir-profiles' examples), built in
 * code.
 */
public final class ReferralFixtures {

  public static final String SDOHCC =
      "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";

  private ReferralFixtures() {}

  public static Patient jordan() {
    Patient p = new Patient();
    p.setId("jordan-reyes");
    p.addIdentifier()
        .setSystem("https://continuumcare.org/fhir/sid/demo-prison-booking")
        .setValue("RCF-2024-00417");
    p.addIdentifier()
        .setSystem("https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing")
        .setValue("68121");
    p.addName().setFamily("Reyes").addGiven("Jordan");
    p.setGender(AdministrativeGender.MALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1991-04-12"));
    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+1 555 0100");
    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("jordan@example.org");
    return p;
  }

  public static ServiceRequest housingReferral() {
    ServiceRequest sr = new ServiceRequest();
    sr.setId("jordan-referral-housing");
    sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.addCategory(
        new CodeableConcept(new Coding(SDOHCC, "housing-instability", "Housing Instability")));
    sr.setCode(new CodeableConcept().setText("Recovery housing placement"));
    sr.setSubject(new Reference("Patient/jordan-reyes"));
    sr.setOccurrence(
        new Period()
            .setStartElement(new DateTimeType("2026-12-01"))
            .setEndElement(new DateTimeType("2026-12-31")));
    sr.setAuthoredOn(Date.from(Instant.parse("2026-11-21T09:00:00Z")));
    sr.setRequester(
        new Reference("PractitionerRole/coach-sam-okafor")
            .setDisplay("Sam Okafor, peer recovery coach"));
    sr.addPerformer(new Reference("Organization/demo-housing"));
    sr.addReasonReference(new Reference("Observation/jordan-rc-8-safe-housing"));
    sr.addSupportingInfo(new Reference("QuestionnaireResponse/jordan-8-domain-2026-11-20"));
    return sr;
  }

  public static Task task(String id, String focus) {
    Task t = new Task();
    t.setId(id);
    t.setStatus(Task.TaskStatus.REQUESTED);
    t.setIntent(Task.TaskIntent.ORDER);
    t.setFocus(new Reference("ServiceRequest/" + focus));
    t.setFor(new Reference("Patient/jordan-reyes"));
    t.setOwner(new Reference("Organization/demo-housing"));
    return t;
  }
}
