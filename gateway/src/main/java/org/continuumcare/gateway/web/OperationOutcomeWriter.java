package org.continuumcare.gateway.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Writes a FHIR OperationOutcome as a response from outside HAPI's servlet (filters, fallbacks).
 */
public final class OperationOutcomeWriter {

  static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

  private final FhirContext fhirContext;

  public OperationOutcomeWriter(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public void write(HttpServletResponse response, int status, String issueCode, String diagnostics)
      throws IOException {
    response.setStatus(status);
    response.setContentType(FHIR_JSON);
    response.getWriter().write(encode(issueCode, diagnostics));
    response.getWriter().flush();
  }

  /** The OperationOutcome (JSON) of one error issue. */
  public String encode(String issueCode, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.fromCode(issueCode))
        .setDiagnostics(diagnostics);
    return fhirContext.newJsonParser().encodeResourceToString(outcome);
  }
}
