package org.continuumcare.gateway.partners;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Instant;
import java.util.Date;
import org.continuumcare.routes.referral.ReferralOutcome;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/** Referrals as the network writes them (Referral + ReferralTask profiles), stored over the API. */
final class ReferralData {

  static final String SDOHCC =
      "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
  static final String REFERRAL_PROFILE =
      "https://continuumcare.org/fhir/StructureDefinition/referral";
  static final String HMIS_PERSONAL_ID =
      "https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing";
  static final Instant AUTHORED = Instant.parse("2026-01-05T09:00:00Z");

  private ReferralData() {}

  /** The demo organisations a referral names, created or updated under their fixed ids. */
  static void organizations(IGenericClient fhir) {
    for (String[] org :
        new String[][] {
          {"demo-housing", "Open Door Housing"},
          {"demo-employment", "Pathways Employment"},
          {"demo-prison", "Riverside Correctional"},
          {"demo-treatment", "Harbor Recovery Clinic"}
        }) {
      Organization organization = new Organization();
      organization.setId(org[0]);
      organization.setActive(true);
      organization.setName(org[1]);
      fhir.update().resource(organization).execute();
    }
  }

  /**
   * A Patient with an identifier in a unique system, and optionally the housing partner's
   * PersonalID.
   */
  static String patient(IGenericClient fhir, String system, String hmisPersonalId) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("1");
    if (hmisPersonalId != null) {
      patient.addIdentifier().setSystem(HMIS_PERSONAL_ID).setValue(hmisPersonalId);
    }
    patient.addName().setFamily("Tester").addGiven("Alex");
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-01-01"));
    return fhir.create().resource(patient).execute().getId().getIdPart();
  }

  static String referral(
      IGenericClient fhir, String patientId, String partner, String category, String service) {
    return referral(fhir, patientId, partner, category, service, AUTHORED);
  }

  static String referral(
      IGenericClient fhir,
      String patientId,
      String partner,
      String category,
      String service,
      Instant authored) {
    ServiceRequest sr = new ServiceRequest();
    sr.getMeta().addProfile(REFERRAL_PROFILE);
    sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.addCategory(new CodeableConcept(new Coding(SDOHCC, category, null)));
    sr.setCode(new CodeableConcept().setText(service));
    sr.setSubject(new Reference("Patient/" + patientId));
    sr.setOccurrence(new Period().setStartElement(new DateTimeType("2026-02-01")));
    sr.setAuthoredOn(Date.from(authored));
    sr.setRequester(new Reference("Organization/demo-prison").setDisplay("Riverside release team"));
    sr.addPerformer(new Reference("Organization/" + partner));
    return fhir.create().resource(sr).execute().getId().getIdPart();
  }

  static Task task(String patientId, String referralId, String partner, Task.TaskStatus status) {
    return task(patientId, referralId, partner, status, AUTHORED);
  }

  static Task task(
      String patientId,
      String referralId,
      String partner,
      Task.TaskStatus status,
      Instant authored) {
    Task task = new Task();
    task.getMeta().addProfile(TaskTransitionGuard.REFERRAL_TASK_PROFILE);
    task.setStatus(status);
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(
        new CodeableConcept(
            new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null)));
    task.setFocus(new Reference("ServiceRequest/" + referralId));
    task.setFor(new Reference("Patient/" + patientId));
    task.setAuthoredOn(Date.from(authored));
    task.setRequester(new Reference("Organization/demo-prison"));
    task.setOwner(new Reference("Organization/" + partner));
    if (ReferralOutcome.needsReason(status)) {
      task.setStatusReason(new CodeableConcept().setText("Stored so by the test"));
    }
    if (status == Task.TaskStatus.COMPLETED) {
      ReferralOutcome.setResultingActivity(task, new Reference("ServiceRequest/" + referralId));
    }
    return task;
  }

  /**
   * Patient + Referral + ReferralTask (status {@code status}) addressed to {@code partner}; the
   * Task id.
   */
  static String referralTask(
      IGenericClient fhir,
      String system,
      String hmisPersonalId,
      String partner,
      Task.TaskStatus status) {
    return referralTask(fhir, system, hmisPersonalId, partner, status, AUTHORED);
  }

  static String referralTask(
      IGenericClient fhir,
      String system,
      String hmisPersonalId,
      String partner,
      Task.TaskStatus status,
      Instant authored) {
    String patientId = patient(fhir, system, hmisPersonalId);
    String category = partner.contains("employment") ? "employment-status" : "housing-instability";
    String referralId =
        referral(
            fhir,
            patientId,
            partner,
            category,
            partner.contains("employment") ? "Supported employment" : "Recovery housing placement",
            authored);
    return fhir.create()
        .resource(task(patientId, referralId, partner, status, authored))
        .execute()
        .getId()
        .getIdPart();
  }
}
