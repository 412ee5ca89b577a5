package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * A SUD disclosure consent is stored only when it states recipient, intermediary, purposes and
 * expiry.
 */
class ConsentFormIT extends GatewayIntegrationTest {

  private HttpResponse<String> post(Consent consent) throws Exception {
    return http(
        requestAs("demo-ehr", "/fhir/Consent")
            .header("Content-Type", "application/fhir+json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    FHIR.newJsonParser().encodeResourceToString(consent))));
  }

  private String patient() {
    for (String id : java.util.List.of("demo-treatment", "demo-housing", "continuum-gateway")) {
      org.hl7.fhir.r4.model.Organization organization =
          new org.hl7.fhir.r4.model.Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    return fhir().create().resource(patient).execute().getId().getIdPart();
  }

  @Test
  void anIncompleteConsentIsRefusedWith422NamingEachElementAndNothingIsStored() throws Exception {
    String patient = patient();
    Consent consent =
        ConsentFixtures.consent(
            patient, "2026-11-21", "2027-11-21", new String[] {"Organization/demo-housing"}, "COC");
    consent.getProvision().getPeriod().setEnd(null);
    consent
        .getProvision()
        .addPurpose(
            new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HLEGAL", null));

    HttpResponse<String> refused = post(consent);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("OperationOutcome")
        .contains("Consent.provision.period.end")
        .contains("Consent.provision.purpose[1]")
        .contains("legal proceedings");
    String found = http(request("/fhir/Consent?patient=Patient/" + patient).GET()).body();
    assertThat(found).doesNotContain("\"resourceType\":\"Consent\"");
  }

  @Test
  void aConsentWithoutSignatureOrRevocationStatementIsRefusedWith422NamingBoth() throws Exception {
    String patient = patient();
    Consent consent =
        ConsentFixtures.consent(
            patient, "2026-11-21", "2027-11-21", new String[] {"Organization/demo-housing"}, "COC");
    consent.setSource(null);
    consent.getPolicy().clear();

    HttpResponse<String> refused = post(consent);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Consent.source[x]")
        .contains("Consent.policy")
        .contains(ConsentForm.REVOCATION_STATEMENT);
    assertThat(http(request("/fhir/Consent?patient=Patient/" + patient).GET()).body())
        .doesNotContain("\"resourceType\":\"Consent\"");
  }

  private void probationOffice() {
    org.hl7.fhir.r4.model.Organization probation =
        new org.hl7.fhir.r4.model.Organization().setName("probation");
    probation.setId("consent-it-probation");
    probation.addType(
        new org.hl7.fhir.r4.model.CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/partner-type",
                "community-corrections",
                null)));
    fhir().update().resource(probation).execute();
  }

  private Consent irrevocableUntil(String patient, String recipient, String until) {
    Consent consent =
        ConsentFixtures.consent(
            patient, "2026-01-01", "2099-12-31", new String[] {recipient}, "COC");
    consent.addExtension(
        ConsentForm.IRREVOCABLE_UNTIL, new org.hl7.fhir.r4.model.DateTimeType(until));
    return consent;
  }

  @Test
  void aConsentToAProbationOfficeIrrevocableUntilADateCannotBeRevokedOrDeletedBeforeIt()
      throws Exception {
    probationOffice();
    String patient = patient();
    HttpResponse<String> created =
        post(irrevocableUntil(patient, "Organization/consent-it-probation", "2099-01-01"));
    assertThat(created.statusCode()).isEqualTo(201);
    Consent stored = FHIR.newJsonParser().parseResource(Consent.class, created.body());
    String path = "/fhir/Consent/" + stored.getIdElement().getIdPart();

    stored.setStatus(Consent.ConsentState.INACTIVE);
    HttpResponse<String> revoked =
        http(
            requestAs("demo-ehr", path)
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(stored))));
    HttpResponse<String> deleted = http(requestAs("demo-ehr", path).DELETE());

    assertThat(revoked.statusCode()).isEqualTo(422);
    assertThat(revoked.body()).contains("Consent.status").contains("irrevocable until 2099-01-01");
    assertThat(deleted.statusCode()).isEqualTo(422);
    assertThat(
            fhir()
                .read()
                .resource(Consent.class)
                .withId(stored.getIdElement().getIdPart())
                .execute()
                .getStatus())
        .isEqualTo(Consent.ConsentState.ACTIVE);
  }

  @Test
  void aConsentToAProbationOfficeWhoseDateHasPassedCanBeRevoked() throws Exception {
    probationOffice();
    HttpResponse<String> created =
        post(irrevocableUntil(patient(), "Organization/consent-it-probation", "2026-01-02"));
    Consent stored = FHIR.newJsonParser().parseResource(Consent.class, created.body());
    stored.setStatus(Consent.ConsentState.INACTIVE);

    HttpResponse<String> revoked =
        http(
            requestAs("demo-ehr", "/fhir/Consent/" + stored.getIdElement().getIdPart())
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(stored))));

    assertThat(revoked.statusCode()).isEqualTo(200);
  }

  @Test
  void onlyAConsentToACriminalJusticeAgencyMayLimitItsRevocation() throws Exception {
    HttpResponse<String> refused =
        post(irrevocableUntil(patient(), "Organization/demo-housing", "2099-01-01"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Consent.extension:irrevocable-until")
        .contains("criminal-justice agency");
  }

  @Test
  void aCompleteConsentIsStored() throws Exception {
    Consent consent =
        ConsentFixtures.consent(
            patient(),
            "2026-11-21",
            "2027-11-21",
            new String[] {"Organization/demo-housing"},
            "COC");

    assertThat(post(consent).statusCode()).isEqualTo(201);
  }
}
