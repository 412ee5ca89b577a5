package org.continuumcare.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Reads the error documents the gateway answers with, asserting their form on the way: a FHIR
 * OperationOutcome (JSON) with an error issue under {@code /fhir}, an RFC 9457 problem document
 * ({@code application/problem+json}) under {@code /api}.
 */
public final class ErrorBodies {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  /** The diagnostics of the OperationOutcome's first issue, which must be an error. */
  public static String diagnostics(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .as(response.body())
        .hasValueSatisfying(type -> assertThat(type).contains("fhir+json"));
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep().getDiagnostics();
  }

  /** The problem document, whose {@code status} must be the response's status. */
  public static JsonNode problem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .as(response.body())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    try {
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
      assertThat(problem.path("title").asText()).isNotBlank();
      return problem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
