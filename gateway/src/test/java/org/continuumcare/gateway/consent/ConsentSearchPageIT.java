package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.api.MethodOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final List<String> patients = new ArrayList<>();
  private final List<String> unconsentedPatients = new ArrayList<>();
  private final Map<String, String> recordOf = new HashMap<>();
  private final Map<String, String> analystConsentOf = new HashMap<>();
  private final List<String> consentedToTreatment = new ArrayList<>();

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
      patients.add(patientId);
      recordOf.put(patientId, recordId);
      if (i % 3 == 0) {
        analystConsentOf.put(
            patientId, consent(patientId, "Organization/continuum-gateway", "HOPERAT"));
        consented.add(recordId);
      } else if (i % 3 == 1) {
        consent(patientId, "Organization/demo-treatment", "TREAT");
        consentedToTreatment.add(recordId);
        unconsentedPatients.add(patientId);
      } else {
        unconsentedPatients.add(patientId);
      }
    }
  }

  private String consent(String patientId, String recipient, String purpose) {
    Consent consent =
        ConsentFixtures.consent(
            patientId, "2026-01-01", "2099-12-31", new String[] {recipient}, purpose);
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    return fhir().create().resource(consent).execute().getId().getIdPart();
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

  private static List<String> ids(Bundle bundle) {
    return records(bundle).stream()
        .map(r -> r.getIdElement().toUnqualifiedVersionless().getValue())
        .toList();
  }

  @Test
  void theSourceProgramsPageHoldsEveryRecordOfItsOwn() {
    assertThat(ids(page("demo-release-team"))).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void aRecordWithoutTheSudLabelIsInTheAnalystsPage() {
    MedicationStatement plain =
        new MedicationStatement()
            .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
            .setMedication(new CodeableConcept().setText("Ibuprofen 200 mg"))
            .setSubject(new Reference("Patient/" + unconsentedPatients.get(0)));
    plain.addIdentifier().setSystem(system).setValue("plain");
    MethodOutcome created = fhir().create().resource(plain).execute();
    assertThat(((MedicationStatement) created.getResource()).getMeta().getSecurity())
        .extracting(Coding::getCode)
        .doesNotContain(SecurityLabels.PART2);

    assertThat(ids(page(ANALYST)))
        .containsExactlyInAnyOrderElementsOf(
            concat(consented, created.getId().toUnqualifiedVersionless().getValue()));
  }

  @Test
  void aConsentRecordedOrRevokedChangesTheAnalystsNextPage() {
    assertThat(ids(page(ANALYST))).containsExactlyInAnyOrderElementsOf(consented);
    String revokedPatient = analystConsentOf.keySet().iterator().next();
    Consent revoked =
        fhir()
            .read()
            .resource(Consent.class)
            .withId(analystConsentOf.get(revokedPatient))
            .execute();
    revoked.setStatus(Consent.ConsentState.INACTIVE);
    fhir().update().resource(revoked).execute();
    String newlyConsenting = unconsentedPatients.get(0);
    consent(newlyConsenting, "Organization/continuum-gateway", "HOPERAT");

    List<String> expected = new ArrayList<>(consented);
    expected.remove(recordOf.get(revokedPatient));
    expected.add(recordOf.get(newlyConsenting));
    assertThat(ids(page(ANALYST))).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * The analyst's search leaves the records it may not see in the database: none is read to be
   * withheld, so none is accounted as a denial, while each disclosure is.
   */
  @Test
  void anAnalystsSearchReadsNoRecordItWouldWithhold() {
    assertThat(ids(page(ANALYST))).containsExactlyInAnyOrderElementsOf(consented);

    List<AuditEvent> accounting =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                this::accountingOfThesePatients,
                events -> events.stream().filter(ConsentSearchPageIT::isDisclosure).count() >= 4);

    assertThat(accounting.stream().filter(ConsentSearchPageIT::isDisclosure).count()).isEqualTo(4);
    assertThat(accounting).allMatch(ConsentSearchPageIT::isDisclosure);
  }

  private static boolean isDisclosure(AuditEvent event) {
    return event.getOutcome() == AuditEvent.AuditEventOutcome._0;
  }

  private List<AuditEvent> accountingOfThesePatients() {
    Bundle bundle =
        fhir()
            .search()
            .byUrl(
                "AuditEvent?patient="
                    + String.join(",", patients.stream().map(p -> "Patient/" + p).toList())
                    + "&subtype="
                    + DisclosureAuditEventMapper.SUBTYPE_SYSTEM
                    + "|disclosure,"
                    + DisclosureAuditEventMapper.SUBTYPE_SYSTEM
                    + "|denial&_count=100")
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(AuditEvent.class::isInstance)
        .map(AuditEvent.class::cast)
        .toList();
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }

  @Test
  void aTreatmentProvidersPageHoldsTheRecordsConsentedToItAndAnEmergencyHoldsThemAll() {
    assertThat(ids(page("demo-ehr"))).containsExactlyInAnyOrderElementsOf(consentedToTreatment);

    Bundle emergency =
        fhirAs("demo-ehr")
            .search()
            .forResource(MedicationStatement.class)
            .where(MedicationStatement.IDENTIFIER.hasSystemWithAnyCode(system))
            .count(100)
            .withAdditionalHeader(
                "X-Break-Glass-Reason", "unresponsive patient, overdose suspected")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(emergency)).containsExactlyInAnyOrderElementsOf(all);
  }
}
