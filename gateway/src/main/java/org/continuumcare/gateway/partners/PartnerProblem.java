package org.continuumcare.gateway.partners;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * An RFC 9457 problem document answered by the partner endpoints (as the handoff endpoints do):
 * {@code errors} lists every violation when a body breaks its schema.
 */
record PartnerProblem(String type, String title, int status, String detail, List<String> errors) {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String BASE = "https://continuumcare.org/problems/";

  PartnerProblem {
    errors = List.copyOf(errors);
  }

  static PartnerProblem unknownPartner(String partnerId) {
    return new PartnerProblem(
        BASE + "unknown-partner",
        "Unknown partner",
        404,
        "No partner '" + partnerId + "' is configured on this gateway",
        List.of());
  }

  static PartnerProblem notJson(String detail) {
    return new PartnerProblem(
        BASE + "malformed-json", "The request body is not a JSON document", 400, detail, List.of());
  }

  static PartnerProblem badUpload(String detail) {
    return new PartnerProblem(
        BASE + "invalid-hmis-upload",
        "The upload is not an HMIS CSV export",
        400,
        detail,
        List.of());
  }

  /**
   * A HAPI refusal as a problem: content errors of a well-formed body (400 from the mappers and
   * schema checks) are 422 as for handoffs; 403, 404, 409 and 422 keep their status.
   */
  static PartnerProblem of(BaseServerResponseException refusal) {
    int status = refusal instanceof InvalidRequestException ? 422 : refusal.getStatusCode();
    List<String> errors = new ArrayList<>();
    if (refusal.getOperationOutcome() instanceof OperationOutcome outcome
        && outcome.getIssue().size() > 1) {
      outcome.getIssue().forEach(issue -> errors.add(issue.getDiagnostics()));
    }
    String type =
        switch (status) {
          case 403 -> "forbidden";
          case 404 -> "unknown-referral";
          case 409 -> "conflict";
          default -> "invalid-partner-report";
        };
    String title =
        switch (status) {
          case 403 -> "Not allowed for this caller";
          case 404 -> "Unknown referral";
          case 409 -> "The referral changed meanwhile; send it again";
          default -> "The report cannot be applied";
        };
    return new PartnerProblem(BASE + type, title, status, refusal.getMessage(), errors);
  }

  static PartnerProblem forbidden(String detail) {
    return new PartnerProblem(
        BASE + "forbidden", "Not allowed for this caller", 403, detail, List.of());
  }
}
