package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** A SUD disclosure consent is stored only when it states recipient, intermediary, purposes and expiry. */
class ConsentFormIT extends GatewayIntegrationTest {

  private HttpResponse<String> post(Consent consent) throws Exception {
    return http(requestAs("demo-ehr", "/fhir/Consent").header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(consent))));
  }

  private String patient() {
    for (String id : java.util.List.of("demo-treatment", "demo-housing", "continuum-gateway")) {
      org.hl7.fhir.r4.model.Organization organization = new org.hl7.fhir.r4.model.Organization().setName(id);
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
    Consent consent = ConsentFixtures.consent(patient, "2026-11-21", "2027-11-21",
        new String[] {"Organization/demo-housing"}, "COC");
    consent.getProvision().getPeriod().setEnd(null);
    consent.getProvision().addPurpose(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HLEGAL", null));

    HttpResponse<String> refused = post(consent);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("OperationOutcome").contains("Consent.provision.period.end")
        .contains("Consent.provision.purpose[1]").contains("legal proceedings");
    String found = http(request("/fhir/Consent?patient=Patient/" + patient).GET()).body();
    assertThat(found).doesNotContain("\"resourceType\":\"Consent\"");
  }

  @Test
  void aCompleteConsentIsStored() throws Exception {
    Consent consent = ConsentFixtures.consent(patient(), "2026-11-21", "2027-11-21",
        new String[] {"Organization/demo-housing"}, "COC");

    assertThat(post(consent).statusCode()).isEqualTo(201);
  }
}
