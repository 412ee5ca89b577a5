package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a consent releases (42 CFR 2.31(a)(3)) and to whom by class (2.31(a)(4)(ii)(B)), over HTTP:
 * the prison's SUD records of one patient (a buprenorphine statement and an opioid use disorder
 * diagnosis) read by the EHR's care team at demo-treatment for TREAT.
 */
class ConsentScopeIT extends GatewayIntegrationTest {

  private static final String EHR = "demo-ehr";
  private static final String TREATMENT_PROVIDER =
      "https://continuumcare.org/fhir/CodeSystem/partner-type|treatment-provider";

  private String patientId;
  private String medicationId;
  private String diagnosisId;

  @BeforeEach
  void prisonRecordsOfOnePatient() {
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
                                "http://www.nlm.nih.gov/research/umls/rxnorm",
                                "1819",
                                "buprenorphine")))
                    .setSubject(new Reference("Patient/" + patientId))
                    .setInformationSource(new Reference("Organization/demo-prison")))
            .execute()
            .getId()
            .getIdPart();
    Condition diagnosis =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F11.20", "Opioid dependence")))
            .setSubject(new Reference("Patient/" + patientId));
    SecurityLabels.labelPart2(diagnosis);
    SecurityLabels.setSourceProgram(diagnosis, "demo-prison");
    diagnosisId = fhir().create().resource(diagnosis).execute().getId().getIdPart();
  }

  @AfterEach
  void treatmentProviderWithoutType() {
    Organization organization = new Organization().setName("demo-treatment");
    organization.setId("demo-treatment");
    fhir().update().resource(organization).execute();
  }

  private Consent consent(String recipient) {
    Consent consent =
        ConsentFixtures.consent(
            patientId, "2026-01-01", "2099-12-31", new String[] {recipient}, "TREAT");
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    return consent;
  }

  private void record(Consent consent) {
    fhir().create().resource(consent).execute();
  }

  private boolean ehrReads(Class<? extends org.hl7.fhir.r4.model.Resource> type, String id) {
    try {
      fhirAs(EHR).read().resource(type).withId(id).execute();
      return true;
    } catch (ResourceNotFoundException withheld) {
      return false;
    }
  }

  @Test
  void aConsentForMedicationsAndReferralsDoesNotReleaseDiagnoses() {
    Consent consent = consent("Organization/demo-treatment");
    consent
        .getProvision()
        .addClass_(new Coding(ConsentScope.RESOURCE_TYPES, "MedicationStatement", null));
    consent
        .getProvision()
        .addClass_(new Coding(ConsentScope.RESOURCE_TYPES, "ServiceRequest", null));
    String consentId =
        fhir().create().resource(consent).execute().getId().toUnqualifiedVersionless().getValue();

    assertThat(
            SecurityLabels.isPart2(
                fhir().read().resource(Condition.class).withId(diagnosisId).execute()))
        .isTrue();
    assertThat(ehrReads(MedicationStatement.class, medicationId)).isTrue();
    MedicationStatement disclosed =
        fhirAs(EHR).read().resource(MedicationStatement.class).withId(medicationId).execute();
    assertThat(
            disclosed
                .getMeta()
                .getExtensionByUrl(SecurityLabels.CONSENT_SCOPE_EXTENSION)
                .getValue()
                .primitiveValue())
        .as("a statement of the consent's scope travels with the record (42 CFR 2.32(b))")
        .contains("Disclosed under " + consentId)
        .contains("to Organization/demo-treatment")
        .contains("for TREAT")
        .contains("records: MedicationStatement, ServiceRequest");
    Bundle medications =
        fhirAs(EHR)
            .search()
            .byUrl("MedicationStatement?subject=Patient/" + patientId)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(
            medications
                .getEntryFirstRep()
                .getResource()
                .getMeta()
                .hasExtension(SecurityLabels.CONSENT_SCOPE_EXTENSION))
        .isTrue();
    assertThat(ehrReads(Condition.class, diagnosisId)).isFalse();
    Bundle search =
        fhirAs(EHR)
            .search()
            .byUrl("Condition?subject=Patient/" + patientId)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(search.getEntry()).isEmpty();
  }

  @Test
  void aNestedDenyProvisionExcludesWhatItNames() {
    Consent consent = consent("Organization/demo-treatment");
    consent
        .getProvision()
        .addProvision()
        .setType(Consent.ConsentProvisionType.DENY)
        .addCode(
            new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F11.20", null)));
    record(consent);

    assertThat(ehrReads(MedicationStatement.class, medicationId)).isTrue();
    assertThat(ehrReads(Condition.class, diagnosisId)).isFalse();
  }

  @Test
  void aConsentWithoutDataCriteriaReleasesBoth() {
    record(consent("Organization/demo-treatment"));

    assertThat(ehrReads(MedicationStatement.class, medicationId)).isTrue();
    assertThat(ehrReads(Condition.class, diagnosisId)).isTrue();
  }

  @Test
  void aRecipientNamedByClassNeedsATreatingProviderRelationship() {
    Organization treatment = new Organization().setName("demo-treatment");
    treatment.setId("demo-treatment");
    treatment.addType(
        new CodeableConcept(
            new Coding(
                TREATMENT_PROVIDER.substring(0, TREATMENT_PROVIDER.indexOf('|')),
                "treatment-provider",
                null)));
    fhir().update().resource(treatment).execute();
    record(consent(TREATMENT_PROVIDER));

    assertThat(ehrReads(MedicationStatement.class, medicationId))
        .as("in the class, no relationship")
        .isFalse();

    CareTeam team =
        new CareTeam()
            .setStatus(CareTeam.CareTeamStatus.ACTIVE)
            .setSubject(new Reference("Patient/" + patientId));
    team.addParticipant().setMember(new Reference("Organization/demo-treatment"));
    fhir().create().resource(team).execute();

    assertThat(ehrReads(MedicationStatement.class, medicationId))
        .as("in the class and on the care team")
        .isTrue();
  }

  @Test
  void aConsentWithContradictingProvisionsIsRefused422AndDisclosesNothing() throws Exception {
    Consent consent = consent("Organization/demo-treatment");
    consent.getProvision().addProvision().setType(Consent.ConsentProvisionType.DENY);

    var refused =
        http(
            request("/fhir/Consent")
                .header("Content-Type", "application/fhir+json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(consent))));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Consent.provision.provision[0]")
        .contains("contradicts its parent");
    assertThatThrownBy(
            () ->
                fhirAs(EHR)
                    .read()
                    .resource(MedicationStatement.class)
                    .withId(medicationId)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
