package org.continuumcare.routes.probation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.continuumcare.routes.partnerjson.PartnerPerson;

/**
 * The probation service's referral JSON (schema: {@code probation/probation-referral.schema.json}):
 * the release notice (the release team's referral for community supervision, from the release day)
 * and the other referrals addressed to the service. Minimum necessary for supervision: who, what,
 * from when, who refers; no notes, diagnoses, assessments or medication.
 *
 * @param schemaVersion version of this format ("1.0")
 * @param status the ReferralTask status (requested, cancelled, ...): the service upserts by
 *     referralId
 * @param referralId our ReferralTask id: the service quotes it in supervision status messages
 * @param serviceRequestId our Referral (ServiceRequest) id
 * @param sentAt when the gateway produced this message (ISO-8601 UTC)
 * @param authoredOn when the referral was written
 * @param requestedService what is asked for (ServiceRequest.code text)
 * @param categories referral category codes
 * @param priority routine, urgent, asap or stat
 * @param supervisionFrom first day of supervision, i.e. the release day (yyyy-MM-dd), may be null
 * @param person the referred person
 * @param referrer display name of the referring practitioner or organisation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbationReferral(
    String schemaVersion,
    String status,
    String referralId,
    String serviceRequestId,
    String sentAt,
    String authoredOn,
    String requestedService,
    List<String> categories,
    String priority,
    String supervisionFrom,
    PartnerPerson person,
    String referrer) {

  public static final String SCHEMA_VERSION = "1.0";

  /** Endpoint.connectionType code of a service taking this JSON. */
  public static final String CONNECTION_TYPE = "continuum-probation-json";

  /** JSON Schema of this format on the classpath. */
  public static final String SCHEMA = "probation/probation-referral.schema.json";

  /** Id of the relay adapter route sending it. */
  public static final String ROUTE_ID = "probation-referral-outbound";
}
