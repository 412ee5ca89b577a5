package org.continuumcare.routes.referral;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;

/**
 * A referral cannot be translated for a partner (inconsistent or incomplete resources). Permanent:
 * the relay dead-letters it; on the API it becomes a 422 OperationOutcome.
 */
public final class ReferralMappingException extends UnprocessableEntityException {

  private static final long serialVersionUID = 1L;

  public ReferralMappingException(String message) {
    super(message);
  }
}
