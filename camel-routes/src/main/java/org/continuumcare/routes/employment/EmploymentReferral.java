package org.continuumcare.routes.employment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.continuumcare.routes.partnerjson.PartnerPerson;

/**
 * The employment partner's referral JSON (schema: {@code
 * employment/employment-referral.schema.json}). Minimum necessary: who, what service, from when,
 * who refers; nothing clinical.
 *
 * @param schemaVersion version of this format ("1.0")
 * @param status the ReferralTask status (requested, cancelled, ...): the partner upserts by
 *     referralId
 * @param referralId our ReferralTask id: the partner quotes it in outcome webhooks
 * @param serviceRequestId our Referral (ServiceRequest) id
 * @param sentAt when the gateway produced this message (ISO-8601 UTC)
 * @param authoredOn when the referral was written
 * @param requestedService what is asked for (ServiceRequest.code text), e.g. "Supported employment"
 * @param categories referral category codes (e.g. employment-status)
 * @param priority routine, urgent, asap or stat
 * @param availableFrom first day the person can take part (ServiceRequest.occurrence start), may be
 *     null
 * @param person the referred person
 * @param referrer display name of the referring practitioner or organisation
 * @param note free-text notes of the referral addressed to the partner, may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmploymentReferral(
    String schemaVersion,
    String status,
    String referralId,
    String serviceRequestId,
    String sentAt,
    String authoredOn,
    String requestedService,
    List<String> categories,
    String priority,
    String availableFrom,
    PartnerPerson person,
    String referrer,
    String note) {

  public static final String SCHEMA_VERSION = "1.0";

  /**
   * Endpoint.connectionType code of a partner taking this JSON (system {@code
   * ENDPOINT_CONNECTION_TYPE}).
   */
  public static final String CONNECTION_TYPE = "continuum-employment-json";

  /** JSON Schema of this format on the classpath. */
  public static final String SCHEMA = "employment/employment-referral.schema.json";

  /** Id of the relay adapter route sending it. */
  public static final String ROUTE_ID = "employment-referral-outbound";
}
