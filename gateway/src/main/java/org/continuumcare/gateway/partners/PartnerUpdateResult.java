package org.continuumcare.gateway.partners;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a status callback or outcome webhook.
 *
 * @param referralId the ReferralTask id the partner named
 * @param result {@code applied}, {@code ignored-older} (an older event never overwrites a newer
 *     one) or {@code ignored-duplicate} (the same event again)
 * @param detail why, in words
 * @param status Task.status after the call
 * @param businessStatus Task.businessStatus code after the call (may be null)
 * @param taskVersion the Task's version after the call
 * @param observation the employment-status Observation recorded, e.g. {@code Observation/12} (may
 *     be null)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartnerUpdateResult(
    String referralId,
    String result,
    String detail,
    String status,
    String businessStatus,
    String taskVersion,
    String observation) {

  static final String APPLIED = "applied";
  static final String IGNORED_OLDER = "ignored-older";
  static final String IGNORED_DUPLICATE = "ignored-duplicate";
}
