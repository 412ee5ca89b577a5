package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 7: one request may not make the server work without bound. Searches that nest
 * {@code _has} or chain references too deep are refused before any SQL runs.
 */
class BoundedWorkSecurityIT extends GatewayIntegrationTest {

  private static final String FHIR_JSON = "application/fhir+json";
  private static final String NESTED_HAS = "_has:Condition:subject:_has:Observation:subject:code";

  @Test
  void aSearchNestingHasTwoLevelsIsRefusedWith400NamingTheParameterAndTheLimit() throws Exception {
    try (ServerLog log = ServerLog.capture()) {
      HttpResponse<String> response = get("/fhir/Patient?" + NESTED_HAS + "=F11.20");

      assertThat(response.statusCode()).isEqualTo(400);
      OperationOutcome.OperationOutcomeIssueComponent issue = issue(response);
      assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
      assertThat(issue.getDiagnostics()).contains("'" + NESTED_HAS + "'").contains("at most 1");
      assertThat(log.errorsMentioning(NESTED_HAS)).as("an expected refusal is no ERROR").isEmpty();
    }
  }

  @Test
  void aChainOfThreeReferencesIsRefusedWith400() throws Exception {
    HttpResponse<String> response = get("/fhir/ServiceRequest?subject:Patient.organization.partof.name=Clinic");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(issue(response).getDiagnostics())
        .contains("'subject:Patient.organization.partof.name'").contains("chains of at most 2");
  }

  @Test
  void theSearchOfTheFindingIsWithinTheLimitsAndAnswered() throws Exception {
    // One _has level inside one chained hop: allowed, and bounded by the statement timeout instead.
    HttpResponse<String> response = get("/fhir/ServiceRequest?subject._has:Condition:subject:code=F11.20");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theLimitHoldsForAConditionalCreateWhichThenStoresNothing() throws Exception {
    String system = uniqueSystem();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("conditional");

    HttpResponse<String> response = http(request("/fhir/Patient")
        .header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
        .header("If-None-Exist", NESTED_HAS + "=F11.20")
        .POST(BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(patient))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(issue(response).getDiagnostics()).contains(NESTED_HAS);
    assertThat(fhir().search().byUrl("Patient?identifier=" + system + "|").returnBundle(Bundle.class).execute().getEntry())
        .isEmpty();
  }

  @Test
  void theLimitHoldsForTheGetEntriesOfABatch() throws Exception {
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient?" + NESTED_HAS + "=F11.20");

    try (ServerLog log = ServerLog.capture()) {
      HttpResponse<String> response = http(request("/fhir")
          .header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
          .POST(BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(batch))));

      assertThat(response.statusCode()).isEqualTo(200);
      Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
      assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("400");
      OperationOutcome outcome = (OperationOutcome) answer.getEntryFirstRep().getResponse().getOutcome();
      assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(NESTED_HAS);
      // The entry ran on the request's own thread, not on a pool thread outside the request's limits.
      assertThat(log.errorsMentioning(NESTED_HAS)).isEmpty();
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    int query = pathAndQuery.indexOf('?');
    StringBuilder encoded = new StringBuilder(pathAndQuery.substring(0, query + 1));
    for (String pair : pathAndQuery.substring(query + 1).split("&")) {
      int equals = pair.indexOf('=');
      encoded.append(encoded.charAt(encoded.length() - 1) == '?' ? "" : "&")
          .append(URLEncoder.encode(pair.substring(0, equals), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return http(request(encoded.toString()).header("Accept", FHIR_JSON).GET());
  }

  private static OperationOutcome.OperationOutcomeIssueComponent issue(HttpResponse<String> response) {
    OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep();
  }
}
