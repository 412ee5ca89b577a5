package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient's rights over the disclosure of their SUD records: the list of disclosures (42 CFR
 * 2.24, 2.25) through {@code Patient/[id]/$disclosures}, kept 3 years, and restrictions the patient
 * requests (2.26). The prison's buprenorphine record, read by the EHR at demo-treatment.
 */
class PatientRightsIT extends GatewayIntegrationTest {

  private static final String EHR = "demo-ehr";

  private String patientId;
  private String medicationId;

  @BeforeEach
  void prisonRecordAndConsent() {
    for (String id : List.of("demo-prison", "demo-treatment", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    patientId = fhir().create().resource(patient).execute().getId().getIdPart();
    medicationId =
        fhir()
            .create()
            .resource(
                new MedicationStatement()
                    .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                    .setMedication(
                        new CodeableConcept(
                            new Coding(
                                "http://www.nlm.nih.gov/research/umls/rxnorm", "1819", null)))
                    .setSubject(new Reference("Patient/" + patientId))
                    .setInformationSource(new Reference("Organization/demo-prison")))
            .execute()
            .getId()
            .getIdPart();
    Consent consent =
        ConsentFixtures.consent(
            patientId,
            "2026-01-01",
            "2099-12-31",
            new String[] {"Organization/demo-treatment"},
            "TREAT");
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    fhir().create().resource(consent).execute();
  }

  private MedicationStatement ehrReads() {
    return fhirAs(EHR).read().resource(MedicationStatement.class).withId(medicationId).execute();
  }

  private List<AuditEvent> disclosures(String caller) {
    Bundle bundle =
        fhirAs(caller)
            .operation()
            .onInstance("Patient/" + patientId)
            .named("$disclosures")
            .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
            .returnResourceType(Bundle.class)
            .useHttpGet()
            .execute();
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(AuditEvent.class::isInstance)
        .map(AuditEvent.class::cast)
        .toList();
  }

  @Test
  void theCareTeamListsThePatientsDisclosuresAndOthersMayNot() {
    ehrReads();

    List<AuditEvent> listed =
        await().atMost(Duration.ofSeconds(30)).until(() -> disclosures(EHR), l -> !l.isEmpty());

    assertThat(listed)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("disclosure");
              assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
                  .isEqualTo("demo-treatment");
              assertThat(event.getEntity())
                  .extracting(e -> e.getWhat().getReference())
                  .contains("MedicationStatement/" + medicationId + "/_history/1");
            });
    assertThat(disclosures(ADMIN)).hasSize(1);
    assertThatThrownBy(() -> disclosures("demo-analyst"))
        .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class)
        .satisfies(
            e ->
                assertThat(
                        ((ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException) e)
                            .getStatusCode())
                    .isIn(403, 404));
  }

  @Test
  void aDisclosureAuditEventYoungerThanThreeYearsIsNeitherDeletedNorChanged() throws Exception {
    ehrReads();
    AuditEvent event =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> disclosures(ADMIN), l -> !l.isEmpty())
            .get(0);
    String path = "/fhir/AuditEvent/" + event.getIdElement().getIdPart();

    HttpResponse<String> deleted = http(request(path).DELETE());
    event.setOutcomeDesc("tampered");
    HttpResponse<String> changed =
        http(
            request(path)
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(event))));

    assertThat(deleted.statusCode()).isEqualTo(422);
    assertThat(deleted.body()).contains("AuditEvent.recorded").contains("3 years");
    assertThat(changed.statusCode()).isEqualTo(422);
    assertThat(disclosures(ADMIN))
        .singleElement()
        .satisfies(kept -> assertThat(kept.getOutcomeDesc()).isNotEqualTo("tampered"));
  }

  @Test
  void aRestrictionThePatientRequestedIsHonouredOverTheirConsent() {
    assertThat(ehrReads().getIdElement().getIdPart()).isEqualTo(medicationId);
    Consent restriction = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    restriction.addCategory(
        new CodeableConcept(new Coding(SecurityLabels.ACT_CODE, SecurityLabels.PART2, null)));
    restriction.setPatient(new Reference("Patient/" + patientId));
    restriction.addPerformer(new Reference("Patient/" + patientId));
    restriction
        .getProvision()
        .setType(Consent.ConsentProvisionType.DENY)
        .addActor()
        .setRole(
            new CodeableConcept(
                new Coding(
                    ConsentEvaluator.RECIPIENT_ROLE_SYSTEM, ConsentEvaluator.RECIPIENT_ROLE, null)))
        .setReference(new Reference("Organization/demo-treatment"));
    fhir().create().resource(restriction).execute();

    assertThatThrownBy(this::ehrReads).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aRestrictionNotRequestedByThePatientIsRefused422() throws Exception {
    Consent restriction = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    restriction.addCategory(
        new CodeableConcept(new Coding(SecurityLabels.ACT_CODE, SecurityLabels.PART2, null)));
    restriction.setPatient(new Reference("Patient/" + patientId));
    restriction.getProvision().setType(Consent.ConsentProvisionType.DENY);

    HttpResponse<String> refused =
        http(
            request("/fhir/Consent")
                .header("Content-Type", "application/fhir+json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(restriction))));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Consent.performer");
    assertThat(ehrReads().getIdElement().getIdPart()).isEqualTo(medicationId);
  }
}
