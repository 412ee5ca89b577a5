package org.continuumcare.routes.housing;

/**
 * The housing partner's status callback JSON (schema: {@code
 * housing/housing-status-callback.schema.json}).
 *
 * @param referralId our ReferralTask id, as sent in the referral
 * @param partnerReferralId the partner's own case id, may be null
 * @param status the partner's status code (CodeSystem housing-partner-status, see the README)
 * @param businessStatus optional finer state: a referral-business-status code overriding the one
 *     the status maps to
 * @param eventTime when it happened at the partner (ISO-8601 with offset)
 * @param note free text for the referrer, may be null
 */
public record HousingStatusCallback(
    String referralId,
    String partnerReferralId,
    String status,
    String businessStatus,
    String eventTime,
    String note) {}
