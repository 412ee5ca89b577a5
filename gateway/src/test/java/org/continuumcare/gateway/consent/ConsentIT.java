package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SUD consent on reads, over HTTP through the real FHIR server. Records come from the prison
 * (source program demo-prison); the reader is the EHR's care team at demo-treatment, purpose TREAT,
 * so each read is a disclosure from one program to another. Every client carries a real bearer
 * token of the development issuer.
 */
class ConsentIT extends GatewayIntegrationTest {

  /** Care team at demo-treatment, purpose TREAT: the patient's treating provider. */
  private static final String EHR = "demo-ehr";

  /** Care team at demo-prison, the source program of the records. */
  private static final String RELEASE_TEAM = "demo-release-team";

  /** Reads everything its scopes allow, for HOPERAT. */
  private static final String ANALYST = "demo-analyst";

  private String patientId;
  private String sudRecordId;
  private String plainRecordId;

  @BeforeEach
  void prisonRecordsOfOnePatient() {
    for (String id :
        List.of("demo-prison", "demo-treatment", "demo-housing", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    patientId = fhir().create().resource(patient).execute().getId().getIdPart();
    sudRecordId = fhir().create().resource(moud(patientId)).execute().getId().getIdPart();
    Observation plain =
        new Observation()
            .setStatus(Observation.ObservationStatus.FINAL)
            .setCode(
                new CodeableConcept(new Coding("http://loinc.org", "71802-3", "Housing status")))
            .setSubject(new Reference("Patient/" + patientId));
    plainRecordId = fhir().create().resource(plain).execute().getId().getIdPart();
  }

  private static MedicationStatement moud(String patientId) {
    MedicationStatement statement =
        new MedicationStatement()
            .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
            .setMedication(new CodeableConcept().setText("Buprenorphine/naloxone 8 mg/2 mg"))
            .setSubject(new Reference("Patient/" + patientId))
            .setInformationSource(new Reference("Organization/demo-prison"));
    return statement;
  }

  private IGenericClient as(String clientId) {
    return fhirAs(clientId);
  }

  private String consent(String start, String end, String recipient, String... purposes) {
    Consent consent =
        ConsentFixtures.consent(patientId, start, end, new String[] {recipient}, purposes);
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    return fhir()
        .create()
        .resource(consent)
        .execute()
        .getId()
        .toUnqualifiedVersionless()
        .getValue();
  }

  private String validConsent() {
    return consent("2026-01-01", "2099-12-31", "Organization/demo-treatment", "TREAT", "COC");
  }

  private MedicationStatement readSudRecordAs(String caller) {
    return as(caller).read().resource(MedicationStatement.class).withId(sudRecordId).execute();
  }

  private List<String> idsOf(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r != null)
        .map(r -> r.getIdElement().toUnqualifiedVersionless().getValue())
        .toList();
  }

  // --- labels at storage

  @Test
  void moudRecordIsLabelledAtStorageWithItsSourceProgram() {
    MedicationStatement stored =
        fhir().read().resource(MedicationStatement.class).withId(sudRecordId).execute();

    assertThat(stored.getMeta().getSecurity())
        .extracting(Coding::getCode)
        .contains("R", "42CFRPart2", "SUD")
        .doesNotContain("NORDSCLCD");
    assertThat(SecurityLabels.sourceProgram(stored)).contains("demo-prison");
    Observation plain = fhir().read().resource(Observation.class).withId(plainRecordId).execute();
    assertThat(plain.getMeta().getSecurity()).isEmpty();
  }

  @Test
  void anUpdateWithoutLabelsKeepsThem() {
    MedicationStatement update = moud(patientId);
    update.setMedication(new CodeableConcept().setText("Changed to an unnamed product"));
    update.setId(sudRecordId);
    fhir().update().resource(update).execute();

    MedicationStatement stored =
        fhir().read().resource(MedicationStatement.class).withId(sudRecordId).execute();
    assertThat(stored.getMeta().getSecurity()).extracting(Coding::getCode).contains("42CFRPart2");
    assertThat(SecurityLabels.sourceProgram(stored)).contains("demo-prison");
  }

  // --- reads

  @Test
  void readWithConsentDisclosesWithNoRedisclosureLabelAndNotice() {
    validConsent();

    MedicationStatement disclosed = readSudRecordAs(EHR);

    assertThat(disclosed.getMeta().getSecurity())
        .extracting(Coding::getCode)
        .contains("42CFRPart2", "NORDSCLCD");
    assertThat(
            disclosed
                .getMeta()
                .getExtensionByUrl(SecurityLabels.NOTICE_EXTENSION)
                .getValue()
                .primitiveValue())
        .isEqualTo(ConsentProperties.DEFAULT_NOTICE);
  }

  @Test
  void readWithoutConsentAnswersNotFoundLikeAMissingRecord() {
    assertThatThrownBy(() -> readSudRecordAs(EHR)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                as(EHR)
                    .read()
                    .resource(MedicationStatement.class)
                    .withId("no-such-" + UUID.randomUUID())
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(
            as(EHR).read().resource(Observation.class).withId(plainRecordId).execute().getIdPart())
        .isEqualTo(plainRecordId);
  }

  @Test
  void expiredConsentDoesNotDisclose() {
    consent("2025-01-01", "2025-12-31", "Organization/demo-treatment", "TREAT");
    assertThatThrownBy(() -> readSudRecordAs(EHR)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void consentForAnotherRecipientDoesNotDisclose() {
    consent("2026-01-01", "2099-12-31", "Organization/demo-housing", "TREAT", "COC");
    assertThatThrownBy(() -> readSudRecordAs(EHR)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void consentForAnotherPurposeDoesNotDisclose() {
    consent("2026-01-01", "2099-12-31", "Organization/demo-treatment", "HRESCH");
    assertThatThrownBy(() -> readSudRecordAs(EHR)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void revokingTheConsentStopsDisclosureAtOnce() {
    String consentId = validConsent();
    assertThat(readSudRecordAs(EHR).getIdElement().getIdPart()).isEqualTo(sudRecordId);

    Consent consent = fhir().read().resource(Consent.class).withId(consentId).execute();
    consent.setStatus(Consent.ConsentState.INACTIVE);
    fhir().update().resource(consent).execute();

    assertThatThrownBy(() -> readSudRecordAs(EHR)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void theSourceProgramReadsItsOwnRecordsWithoutConsentOrRedisclosureLabel() {
    MedicationStatement own = readSudRecordAs(RELEASE_TEAM);

    assertThat(own.getMeta().getSecurity()).extracting(Coding::getCode).doesNotContain("NORDSCLCD");
  }

  // --- searches and other paths

  @Test
  void searchWithoutConsentOmitsTheRecordSilentlyAndReportsNoTotal() {
    Bundle statements =
        as(EHR)
            .search()
            .byUrl("MedicationStatement?subject=Patient/" + patientId)
            .returnBundle(Bundle.class)
            .execute();
    Bundle everything =
        as(EHR)
            .search()
            .byUrl(
                "Patient?_id="
                    + patientId
                    + "&_revinclude=MedicationStatement:subject&_revinclude=Observation:subject")
            .returnBundle(Bundle.class)
            .execute();

    assertThat(statements.getEntry()).isEmpty();
    assertThat(statements.hasTotal()).isFalse();
    assertThat(idsOf(everything))
        .containsExactlyInAnyOrder("Patient/" + patientId, "Observation/" + plainRecordId);
    assertThatThrownBy(
            () ->
                as(EHR)
                    .search()
                    .byUrl("MedicationStatement?subject=Patient/" + patientId + "&_summary=count")
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void searchWithConsentReturnsTheLabelledRecord() {
    validConsent();

    Bundle statements =
        as(EHR)
            .search()
            .byUrl("MedicationStatement?subject=Patient/" + patientId)
            .returnBundle(Bundle.class)
            .execute();

    assertThat(idsOf(statements)).containsExactly("MedicationStatement/" + sudRecordId);
    assertThat(statements.getEntryFirstRep().getResource().getMeta().getSecurity())
        .extracting(Coding::getCode)
        .contains("NORDSCLCD");
  }

  @Test
  void includeOfALabelledRecordIsOmittedWithoutConsent() {
    Bundle bundle =
        as(EHR)
            .search()
            .byUrl(
                "MedicationStatement?_id=" + sudRecordId + "&_include=MedicationStatement:subject")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(idsOf(bundle)).isEmpty();
  }

  @Test
  void everythingOmitsTheLabelledRecordWithoutConsentAndIncludesItWithConsent() {
    Bundle without =
        as(EHR)
            .operation()
            .onInstance(new IdType("Patient", patientId))
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .execute();
    assertThat(idsOf(without))
        .contains("Observation/" + plainRecordId)
        .doesNotContain("MedicationStatement/" + sudRecordId);

    validConsent();
    Bundle with =
        as(EHR)
            .operation()
            .onInstance(new IdType("Patient", patientId))
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .execute();
    assertThat(idsOf(with)).contains("MedicationStatement/" + sudRecordId);
  }

  @Test
  void historyAndVersionReadsOmitTheLabelledRecordWithoutConsent() {
    // The history of a withheld record answers as that of a record that does not exist.
    assertThatThrownBy(
            () ->
                as(EHR)
                    .history()
                    .onInstance(new IdType("MedicationStatement", sudRecordId))
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(
            "HAPI-2001: Resource MedicationStatement/" + sudRecordId + " is not known");
    Bundle typeHistory =
        as(EHR)
            .history()
            .onType(MedicationStatement.class)
            .returnBundle(Bundle.class)
            .count(200)
            .execute();
    assertThat(idsOf(typeHistory)).doesNotContain("MedicationStatement/" + sudRecordId);
    assertThatThrownBy(
            () ->
                as(EHR)
                    .read()
                    .resource(MedicationStatement.class)
                    .withUrl("MedicationStatement/" + sudRecordId + "/_history/1")
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  // --- accounting

  @Test
  void everyDisclosureAndDenialIsAccountedToThePatientForTheCareTeamOnly() {
    assertThatThrownBy(() -> readSudRecordAs(EHR)).isInstanceOf(ResourceNotFoundException.class);
    String consentId = validConsent();
    readSudRecordAs(EHR);
    as(EHR)
        .search()
        .byUrl("MedicationStatement?subject=Patient/" + patientId)
        .returnBundle(Bundle.class)
        .execute();

    List<AuditEvent> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> accounting(as(EHR)), list -> list.size() >= 3);

    assertThat(events).hasSize(3);
    assertThat(events)
        .extracting(e -> e.getOutcome().toCode())
        .containsExactlyInAnyOrder("0", "0", "4");
    AuditEvent disclosure =
        events.stream()
            .filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._0)
            .findFirst()
            .orElseThrow();
    assertThat(disclosure.getAgentFirstRep().getAltId()).isEqualTo("demo-ehr");
    assertThat(disclosure.getAgentFirstRep().getWho().getIdentifier().getValue())
        .isEqualTo("demo-treatment");
    assertThat(disclosure.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("TREAT");
    assertThat(disclosure.getEntity())
        .extracting(e -> e.getWhat().getReference())
        .contains(
            "Patient/" + patientId,
            "MedicationStatement/" + sudRecordId + "/_history/1",
            consentId);
    assertThat(accounting(as(ANALYST))).isEmpty();
  }

  private List<AuditEvent> accounting(IGenericClient client) {
    Bundle bundle =
        client
            .search()
            .byUrl(
                "AuditEvent?patient=Patient/"
                    + patientId
                    + "&subtype="
                    + DisclosureAuditEventMapper.SUBTYPE_SYSTEM
                    + "|disclosure,"
                    + DisclosureAuditEventMapper.SUBTYPE_SYSTEM
                    + "|denial&_count=50")
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r instanceof AuditEvent)
        .map(AuditEvent.class::cast)
        .toList();
  }
}
