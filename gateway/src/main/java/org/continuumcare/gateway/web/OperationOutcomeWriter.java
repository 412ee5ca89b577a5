package org.continuumcare.gateway.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Writes a FHIR OperationOutcome as a response from outside HAPI's servlet (filters, fallbacks). */
public final class OperationOutcomeWriter {

  private static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

  private final FhirContext fhirContext;

  public OperationOutcomeWriter(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public void write(HttpServletResponse response, int status, String issueCode, String diagnostics)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.fromCode(issueCode))
        .setDiagnostics(diagnostics);
    response.setStatus(status);
    response.setContentType(FHIR_JSON);
    response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
    response.getWriter().flush();
  }
}
