package org.continuumcare.routes.probation;

/**
 * The probation service's supervision status message (schema: {@code
 * probation/probation-status.schema.json}).
 *
 * @param referralId our ReferralTask id, as sent in the referral
 * @param partnerCaseId the service's own case id, may be null
 * @param status code of CodeSystem supervision-status: reporting, compliant, breach, ended
 * @param eventTime when the service recorded it (ISO-8601 with offset)
 * @param note free text for the referrer, may be null
 */
public record ProbationStatus(
    String referralId, String partnerCaseId, String status, String eventTime, String note) {}
