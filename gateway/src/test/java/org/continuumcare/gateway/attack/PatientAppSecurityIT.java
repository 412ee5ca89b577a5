package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo patient-facing app ({@code demo-patient-app}: {@code patient/AuditEvent.rs}, launch
 * patient {@code jordan-reyes}) tries to reach more than Jordan's list of disclosures through side
 * paths: batches, history, {@code $meta}, includes, GraphQL, type-level and versioned forms of the
 * operation. Each is refused, or answers with nothing but Jordan's disclosure AuditEvents.
 */
class PatientAppSecurityIT extends GatewayIntegrationTest {

  private static final String JORDAN = "jordan-reyes";

  private String token;
  private String otherPatientId;

  @BeforeEach
  void jordanAndSomeoneElse() throws Exception {
    token = Tokens.request(baseUrl(), "demo-patient-app", "demo-patient-app-secret", null);
    if (http(request("/fhir/Patient/" + JORDAN).GET()).statusCode() == 404) {
      Patient jordan = new Patient();
      jordan.setId(JORDAN);
      jordan.addName().setFamily("Reyes").addGiven("Jordan");
      fhir().update().resource(jordan).execute();
    }
    Patient other = new Patient();
    other.addIdentifier().setSystem(uniqueSystem()).setValue("x");
    otherPatientId = fhir().create().resource(other).execute().getId().getIdPart();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http(anonymousRequest(path).header("Authorization", "Bearer " + token).GET());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http(
        anonymousRequest(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void sidePathsAroundTheOwnListAreRefused() throws Exception {
    // On one record: the gate answers as for an unknown id, before the scope rules refuse.
    for (String path :
        List.of(
            "/fhir/Patient/" + JORDAN,
            "/fhir/Patient/" + JORDAN + "/_history",
            "/fhir/Patient/" + JORDAN + "/$meta",
            "/fhir/Patient/" + JORDAN + "/$everything",
            "/fhir/Patient/" + otherPatientId + "/$disclosures",
            "/fhir/Patient/" + otherPatientId + "/$disclosures?patient=" + JORDAN)) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).contains("is not known");
    }
    for (String path :
        List.of(
            "/fhir/Patient?_id=" + JORDAN + "&_revinclude=AuditEvent:patient",
            "/fhir/AuditEvent?patient=Patient/" + JORDAN + "&_include=AuditEvent:entity",
            "/fhir/AuditEvent/_history",
            "/fhir/_history",
            "/fhir/$meta",
            "/fhir/$export")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(403);
    }
    // Forms the server does not offer at all: refused one way or another, never with data.
    for (String path :
        List.of(
            "/fhir/Patient/" + JORDAN + "/$graphql?query=%7Bid%7D",
            "/fhir/Patient/$disclosures?id=" + JORDAN,
            "/fhir/Patient/" + JORDAN + "/$export")) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isIn(400, 403, 404, 405);
      assertThat(answer.body())
          .as(path)
          .contains("OperationOutcome")
          .doesNotContain("\"resourceType\":\"AuditEvent\"");
    }
  }

  @Test
  void batchesAndTransactionsAreRefusedEvenForTheOwnList() throws Exception {
    for (String type : List.of("batch", "transaction")) {
      String bundle =
          "{\"resourceType\":\"Bundle\",\"type\":\""
              + type
              + "\",\"entry\":["
              + "{\"request\":{\"method\":\"GET\",\"url\":\"Patient/"
              + JORDAN
              + "/$disclosures\"}},"
              + "{\"request\":{\"method\":\"GET\",\"url\":\"Patient/"
              + otherPatientId
              + "/$disclosures\"}},"
              + "{\"request\":{\"method\":\"GET\",\"url\":\"Patient/"
              + JORDAN
              + "/_history\"}}]}";

      HttpResponse<String> answer = post("/fhir", bundle);

      assertThat(answer.statusCode()).as(type).isEqualTo(403);
      assertThat(answer.body()).as(type).doesNotContain("\"resourceType\":\"AuditEvent\"");
    }
  }

  @Test
  void includesOnTheOwnListAddNothingButJordansDisclosures() throws Exception {
    for (String path :
        List.of(
            "/fhir/Patient/"
                + JORDAN
                + "/$disclosures?_include=AuditEvent:entity&_revinclude=Consent:patient",
            "/fhir/Patient/" + JORDAN + "/$disclosures?_include=*&_elements=entity",
            "/fhir/Patient/" + JORDAN + "/$disclosures?patient=" + otherPatientId)) {
      HttpResponse<String> answer = get(path);

      assertThat(answer.statusCode()).as(path).isIn(200, 400);
      if (answer.statusCode() == 200) {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, answer.body());
        assertThat(bundle.getEntry())
            .as(path)
            .allSatisfy(
                entry -> {
                  assertThat(entry.getResource().fhirType()).isEqualTo("AuditEvent");
                  assertThat(FHIR.newJsonParser().encodeResourceToString(entry.getResource()))
                      .contains("Patient/" + JORDAN)
                      .doesNotContain(otherPatientId);
                });
      }
    }
  }

  @Test
  void writesAreRefused() throws Exception {
    String patient = "{\"resourceType\":\"Patient\",\"id\":\"" + JORDAN + "\"}";

    assertThat(post("/fhir/Patient", patient).statusCode()).isEqualTo(403);
    assertThat(
            http(anonymousRequest("/fhir/Patient/" + JORDAN)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/fhir+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(patient)))
                .statusCode())
        .as("the gate answers as for an unknown id")
        .isEqualTo(404);
    assertThat(
            post("/fhir/Patient/" + JORDAN + "/$disclosures", "{\"resourceType\":\"Parameters\"}")
                .statusCode())
        .isEqualTo(200);
  }
}
