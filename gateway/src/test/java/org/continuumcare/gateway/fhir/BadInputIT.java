package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.gateway.support.ErrorBodies.diagnostics;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** Bad requests get a 4xx with an OperationOutcome that says what is wrong, and store nothing. */
class BadInputIT extends GatewayIntegrationTest {

  private static final String FHIR_JSON = "application/fhir+json";

  @Test
  void malformedJsonIsABadRequestThatSaysWhereParsingFailed() throws Exception {
    HttpResponse<String> response =
        post("/fhir/Patient", FHIR_JSON, "{\"resourceType\":\"Patient\",");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Failed to parse").contains("line: 1");
  }

  @Test
  void unknownResourceTypeIsRefusedWithItsName() throws Exception {
    HttpResponse<String> response =
        post("/fhir/Spaceship", FHIR_JSON, "{\"resourceType\":\"Spaceship\"}");

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(diagnostics(response)).contains("Unknown resource type 'Spaceship'");
  }

  @Test
  void nonFhirContentTypeIsRefusedNamingTheHeader() throws Exception {
    HttpResponse<String> response = post("/fhir/Patient", "text/plain", "hello");

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(diagnostics(response)).contains("Content-Type").contains("text/plain");
  }

  @Test
  void bodyOfAnotherResourceTypeThanTheUrlIsRefused() throws Exception {
    HttpResponse<String> response =
        post("/fhir/Patient", FHIR_JSON, "{\"resourceType\":\"Observation\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("expected \"Patient\" but found \"Observation\"");
  }

  @Test
  void oversizedBodyIsRefusedWith413BeforeAnythingIsParsed() throws Exception {
    String system = uniqueSystem();
    String padding = "x".repeat(1_100_000);
    String body =
        "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\""
            + system
            + "\",\"value\":\"big\"}],"
            + "\"name\":[{\"text\":\""
            + padding
            + "\"}]}";

    HttpResponse<String> response = post("/fhir/Patient", FHIR_JSON, body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(diagnostics(response)).contains("exceeds the limit of 1048576 bytes");
    assertThat(
            fhir()
                .search()
                .byUrl("Patient?identifier=" + system + "|big")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void referenceToAMissingResourceIsRefusedAndNothingIsStored() throws Exception {
    String code = "orphan-" + System.nanoTime();
    String body =
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\""
            + code
            + "\"},"
            + "\"subject\":{\"reference\":\"Patient/missing-"
            + code
            + "\"}}";

    HttpResponse<String> response = post("/fhir/Observation", FHIR_JSON, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response))
        .contains("Patient/missing-" + code)
        .contains("Observation.subject");
    assertThat(
            fhir()
                .search()
                .byUrl("Observation?code:text=" + code)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http(
        request(path)
            .header("Content-Type", contentType)
            .header("Accept", FHIR_JSON)
            .POST(BodyPublishers.ofString(body)));
  }
}
