package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** A 400 whose OperationOutcome carries the issue code {@code too-costly}. */
final class TooCostly {

  private TooCostly() {}

  static InvalidRequestException refusal(String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.TOOCOSTLY)
        .setDiagnostics(message);
    return new InvalidRequestException(message, outcome);
  }
}
