package org.continuumcare.gateway.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Optional;
import org.continuumcare.gateway.security.Caller;

/**
 * Break-glass access in a medical emergency (42 CFR 2.51): a care-team client declares it on a
 * request with the header {@code X-Break-Glass-Reason} (why, in words: it is audited) and reads SUD
 * records without consent, for the purpose of use {@code ETREAT}. Every record so disclosed is
 * accounted to its patient with the reason, and counted.
 */
final class BreakGlass {

  static final String HEADER = "X-Break-Glass-Reason";
  static final String PURPOSE = "ETREAT";
  static final int MAX_REASON = 500;

  private BreakGlass() {}

  /**
   * The reason of a break-glass request, if it is one: a care-team client naming a reason.
   *
   * @throws InvalidRequestException the header is blank or longer than {@value #MAX_REASON}
   *     characters
   * @throws ForbiddenOperationException a client that is not on a care team declares it
   */
  static Optional<String> reason(RequestDetails request, Caller caller) {
    if (request == null
        || request.getHeaders(HEADER) == null
        || request.getHeaders(HEADER).isEmpty()) {
      return Optional.empty();
    }
    String reason = request.getHeader(HEADER).strip();
    if (reason.isEmpty()) {
      throw new InvalidRequestException(
          "Break-glass access (" + HEADER + ") needs the reason of the emergency");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidRequestException(HEADER + " is longer than " + MAX_REASON + " characters");
    }
    if (caller.access() != Caller.Access.CARE_TEAM) {
      throw new ForbiddenOperationException(
          "Only care-team clients may declare a medical emergency (" + HEADER + ")");
    }
    return Optional.of(reason);
  }
}
