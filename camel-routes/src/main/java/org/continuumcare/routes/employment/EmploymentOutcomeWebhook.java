package org.continuumcare.routes.employment;

/**
 * The employment partner's outcome webhook JSON (schema: {@code
 * employment/employment-outcome.schema.json}).
 *
 * @param referralId our ReferralTask id, as sent in the referral
 * @param partnerReferralId the partner's own case id, may be null
 * @param outcome code of CodeSystem employment-outcome (enrolled, training-completed,
 *     job-placement, job-placement-full-time, job-placement-part-time, job-lost)
 * @param eventTime when the partner recorded it (ISO-8601 with offset)
 * @param startDate first day of the job (yyyy-MM-dd), required for job placements
 * @param note free text for the referrer, may be null
 */
public record EmploymentOutcomeWebhook(
    String referralId,
    String partnerReferralId,
    String outcome,
    String eventTime,
    String startDate,
    String note) {}
