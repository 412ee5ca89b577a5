package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Warnings raised while a write was stored (an assessment with no total, and why), returned in the
 * OperationOutcome of the response when the caller asks for one ({@code Prefer:
 * return=OperationOutcome}, the FHIR way to receive processing messages on a write).
 */
@Interceptor
final class ScoringWarnings {

  private static final String KEY = ScoringWarnings.class.getName();

  static void add(RequestDetails request, String warning) {
    if (request == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> warnings =
        (List<String>) request.getUserData().computeIfAbsent(KEY, key -> new ArrayList<String>());
    warnings.add(warning);
  }

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void addToOutcome(RequestDetails request, ResponseDetails response) {
    if (request.getUserData().get(KEY) instanceof List<?> warnings
        && response.getResponseResource() instanceof OperationOutcome outcome) {
      for (Object warning : warnings) {
        outcome
            .addIssue()
            .setSeverity(OperationOutcome.IssueSeverity.WARNING)
            .setCode(OperationOutcome.IssueType.INCOMPLETE)
            .setDiagnostics(warning.toString());
      }
    }
  }
}
