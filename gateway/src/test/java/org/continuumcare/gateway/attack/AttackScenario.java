package org.continuumcare.gateway.attack;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The scenario of the attacks: a person whose SUD records (an opioid use disorder diagnosis,
 * buprenorphine, a BARC-10 score) and housing referral were written by the treatment provider
 * (demo-treatment, a SUD program, so they are labelled 42 CFR Part 2) and who has given no consent,
 * so all of it is withheld from everyone but the treatment provider; and a second person with an
 * ordinary (unlabelled) housing referral, which demo-housing may see. Every record carries the
 * scenario's tag, so searches can be scoped to it.
 */
final class AttackScenario {

  static final String TAG_SYSTEM = "urn:continuum:test:attack";

  final String tag;
  final String withheldPatient;
  final String withheldCondition;
  final String withheldMedication;
  final String withheldScore;
  final String withheldReferral;
  final String withheldTask;
  final String visiblePatient;
  final String visibleReferral;
  final String visibleTask;
  final String employmentObservation;

  /**
   * @param admin a client of the administrator (unlabelled writes)
   * @param treatment a client of the treatment provider's EHR (its writes are SUD records)
   */
  AttackScenario(IGenericClient admin, IGenericClient treatment, String tag) {
    this.tag = tag;
    for (String id :
        List.of(
            "demo-treatment",
            "demo-prison",
            "demo-housing",
            "demo-employment",
            "continuum-gateway")) {
      Organization organization = new Organization().setName(id).setActive(true);
      organization.setId("Organization/" + id);
      admin.update().resource(organization).execute();
    }
    withheldPatient = create(admin, patient("Withheld", "555-0100"));
    visiblePatient = create(admin, patient("Visible", "555-0199"));

    Condition diagnosis = new Condition().setSubject(new Reference(withheldPatient));
    diagnosis.setCode(
        new CodeableConcept(
            new Coding(
                "http://hl7.org/fhir/sid/icd-10-cm",
                "F11.20",
                "Opioid dependence, uncomplicated")));
    diagnosis.setClinicalStatus(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
    withheldCondition = create(treatment, diagnosis);

    MedicationStatement buprenorphine =
        new MedicationStatement()
            .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
            .setMedication(
                new CodeableConcept(
                    new Coding(
                        "http://www.nlm.nih.gov/research/umls/rxnorm", "1819", "buprenorphine")))
            .setSubject(new Reference(withheldPatient))
            .setInformationSource(new Reference("Organization/demo-treatment"));
    withheldMedication = create(treatment, buprenorphine);

    Observation score =
        new Observation()
            .setStatus(Observation.ObservationStatus.FINAL)
            .setCode(
                new CodeableConcept(
                    new Coding(
                        "https://continuumcare.org/fhir/CodeSystem/recovery-capital-instruments",
                        "barc-10",
                        "BARC-10 total")))
            .setSubject(new Reference(withheldPatient))
            .setValue(new IntegerType(40));
    score.addPerformer(new Reference("Organization/demo-housing"));
    withheldScore = create(treatment, score);

    withheldReferral = create(treatment, referral(withheldPatient));
    withheldTask = create(admin, task(withheldReferral, withheldPatient));
    visibleReferral = create(admin, referral(visiblePatient));
    visibleTask = create(admin, task(visibleReferral, visiblePatient));

    Observation note =
        new Observation()
            .setStatus(Observation.ObservationStatus.FINAL)
            .setCode(
                new CodeableConcept(new Coding("http://loinc.org", "67875-5", "Employment status")))
            .setSubject(new Reference(visiblePatient))
            .setValue(new IntegerType(7));
    note.addPerformer(new Reference("Organization/demo-employment"));
    employmentObservation = create(admin, note);
  }

  private Patient patient(String family, String contactPhone) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(TAG_SYSTEM).setValue(tag + "-" + family);
    patient.addName().setFamily(family).addGiven("Attack");
    patient.addContact().addTelecom().setValue(contactPhone);
    return patient;
  }

  private static ServiceRequest referral(String patient) {
    ServiceRequest referral =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setSubject(new Reference(patient))
            .setRequester(new Reference("Organization/demo-treatment"));
    referral.addPerformer(new Reference("Organization/demo-housing"));
    return referral;
  }

  private static Task task(String referral, String patient) {
    return new Task()
        .setStatus(Task.TaskStatus.REQUESTED)
        .setIntent(Task.TaskIntent.ORDER)
        .setFocus(new Reference(referral))
        .setFor(new Reference(patient))
        .setRequester(new Reference("Organization/demo-treatment"))
        .setOwner(new Reference("Organization/demo-housing"));
  }

  private String create(IGenericClient client, Resource resource) {
    resource.getMeta().addTag(TAG_SYSTEM, tag, null);
    return client
        .create()
        .resource(resource)
        .execute()
        .getId()
        .toUnqualifiedVersionless()
        .getValue();
  }

  /** The id part of a {@code Type/id} reference. */
  static String idOf(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }

  /** The same type with an id that does not exist. */
  static String missing(String reference) {
    return reference.substring(0, reference.indexOf('/') + 1) + "999" + idOf(reference) + "999";
  }
}
