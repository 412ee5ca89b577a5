package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
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
 * A search page of SUD records of many people, each person's consents decided once for the whole
 * page (one consent query per page): who sees what is exactly as when each record was decided on
 * its own. Twelve people with a record from the prison: every third has a consent naming the
 * analysts' organisation for HOPERAT, every third one naming another recipient, the rest none.
 */
class ConsentSearchPageIT extends GatewayIntegrationTest {

  private static final String ANALYST = "demo-analyst";

  private String system;
  private final List<String> consented = new ArrayList<>();
  private final List<String> all = new ArrayList<>();

  @BeforeEach
  void twelvePeopleWithSudRecordsAndMixedConsents() {
    for (String id : List.of("demo-prison", "demo-treatment", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    system = uniqueSystem();
    for (int i = 0; i < 12; i++) {
      Patient patient = new Patient();
      patient.addIdentifier().setSystem(system).setValue("p" + i);
      String patientId = fhir().create().resource(patient).execute().getId().getIdPart();
      MedicationStatement record =
          new MedicationStatement()
              .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
              .setMedication(new CodeableConcept().setText("Methadone 60 mg"))
              .setSubject(new Reference("Patient/" + patientId))
              .setInformationSource(new Reference("Organization/demo-prison"));
      record.addIdentifier().setSystem(system).setValue("r" + i);
      String recordId =
          fhir().create().resource(record).execute().getId().toUnqualifiedVersionless().getValue();
      all.add(recordId);
      if (i % 3 == 0) {
        consent(patientId, "Organization/continuum-gateway", "HOPERAT");
        consented.add(recordId);
      } else if (i % 3 == 1) {
        consent(patientId, "Organization/demo-treatment", "TREAT");
      }
    }
  }

  private void consent(String patientId, String recipient, String purpose) {
    Consent consent =
        ConsentFixtures.consent(
            patientId, "2026-01-01", "2099-12-31", new String[] {recipient}, purpose);
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    fhir().create().resource(consent).execute();
  }

  private Bundle page(String clientId) {
    return fhirAs(clientId)
        .search()
        .forResource(MedicationStatement.class)
        .where(MedicationStatement.IDENTIFIER.hasSystemWithAnyCode(system))
        .count(100)
        .returnBundle(Bundle.class)
        .execute();
  }

  private static List<MedicationStatement> records(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(MedicationStatement.class::isInstance)
        .map(MedicationStatement.class::cast)
        .toList();
  }

  @Test
  void anAnalystsPageHoldsExactlyTheConsentedRecordsEachMarkedDisclosed() {
    List<MedicationStatement> shown = records(page(ANALYST));

    assertThat(shown)
        .extracting(r -> r.getIdElement().toUnqualifiedVersionless().getValue())
        .containsExactlyInAnyOrderElementsOf(consented);
    assertThat(shown)
        .allSatisfy(
            r ->
                assertThat(r.getMeta().getSecurity())
                    .extracting(Coding::getCode)
                    .contains("NORDSCLCD"));
  }

  @Test
  void anAdministratorsPageHoldsEveryRecord() {
    assertThat(records(page(ADMIN)))
        .extracting(r -> r.getIdElement().toUnqualifiedVersionless().getValue())
        .containsExactlyInAnyOrderElementsOf(all);
  }
}
