package org.continuumcare.routes.housing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.continuumcare.routes.partnerjson.PartnerPerson;

/**
 * The housing partner's referral JSON (schema: {@code housing/housing-referral.schema.json}).
 * Minimum necessary: who, what service, from when, who refers; no diagnoses, assessments or
 * substance-use information.
 *
 * @param schemaVersion version of this format ("1.0")
 * @param status the ReferralTask status (requested, cancelled, ...): the partner upserts by
 *     referralId
 * @param referralId our ReferralTask id: the partner echoes it in status callbacks
 * @param serviceRequestId our Referral (ServiceRequest) id
 * @param sentAt when the gateway produced this message (ISO-8601 UTC)
 * @param authoredOn when the referral was written
 * @param requestedService what is asked for (ServiceRequest.code text)
 * @param categories referral category codes (e.g. housing-instability)
 * @param priority routine, urgent, asap or stat
 * @param neededFrom first day the service is needed (yyyy-MM-dd), may be null
 * @param neededUntil last day, may be null
 * @param person the referred person
 * @param referrer display name of the referring practitioner or organisation
 * @param note free-text notes of the referral addressed to the partner, may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HousingReferral(
    String schemaVersion,
    String status,
    String referralId,
    String serviceRequestId,
    String sentAt,
    String authoredOn,
    String requestedService,
    List<String> categories,
    String priority,
    String neededFrom,
    String neededUntil,
    PartnerPerson person,
    String referrer,
    String note) {

  public static final String SCHEMA_VERSION = "1.0";

  /**
   * Endpoint.connectionType code of a partner taking this JSON (system {@code
   * ENDPOINT_CONNECTION_TYPE}).
   */
  public static final String CONNECTION_TYPE = "continuum-housing-json";

  /** JSON Schema of this format on the classpath. */
  public static final String SCHEMA = "housing/housing-referral.schema.json";

  /** Id of the relay adapter route sending it. */
  public static final String ROUTE_ID = "housing-referral-outbound";
}
