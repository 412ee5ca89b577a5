package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;

class ErrorDocumentsTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private final ErrorDocuments documents = new ErrorDocuments(() -> FHIR);

  @Test
  void underFhirAnErrorIsAnOperationOutcomeWithTheIssueTypeOfItsStatus() {
    ErrorDocuments.Document document =
        documents.render("/fhir/Patient%2F1", 400, null, "Invalid URI");

    assertThat(document.contentType()).startsWith("application/fhir+json");
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, document.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("Invalid URI");
  }

  @Test
  void elsewhereAnErrorIsAProblemDocument() throws Exception {
    ErrorDocuments.Document document =
        documents.render("/api/handoffs", 405, null, "GET is not allowed");

    assertThat(document.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(document.body());
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isEqualTo("Method Not Allowed");
    assertThat(problem.path("status").asInt()).isEqualTo(405);
    assertThat(problem.path("detail").asText()).isEqualTo("GET is not allowed");
  }

  @Test
  void onlyTheFhirApiGetsOperationOutcomes() {
    assertThat(ErrorDocuments.isFhirPath("/fhir")).isTrue();
    assertThat(ErrorDocuments.isFhirPath("/fhir/Patient")).isTrue();
    assertThat(ErrorDocuments.isFhirPath("/fhir;x=1/Patient")).isTrue();
    assertThat(ErrorDocuments.isFhirPath("/fhirx")).isFalse();
    assertThat(ErrorDocuments.isFhirPath("/api/fhir")).isFalse();
    assertThat(ErrorDocuments.isFhirPath(null)).isFalse();
  }

  @Test
  void quotedRequestTextLosesControlCharactersAndIsBounded() {
    assertThat(ErrorDocuments.bounded("a\r\nb")).isEqualTo("a  b");
    assertThat(ErrorDocuments.bounded("x".repeat(600))).hasSize(503).endsWith("...");
  }

  @Test
  void aFirewallRejectionIsA400SayingWhy() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient;x=1");
    MockHttpServletResponse response = new MockHttpServletResponse();

    new FirewallRejections(documents)
        .handle(
            request,
            response,
            new RequestRejectedException(
                "The request was rejected because the URL contained a potentially malicious String \";\""));

    assertThat(response.getStatus()).isEqualTo(400);
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.getContentAsString());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.SECURITY);
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .contains("potentially malicious String \";\"");
  }
}
