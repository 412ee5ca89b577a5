package org.continuumcare.routes.referral;

/** What to do with a partner's status update. */
public enum UpdateDecision {
  /** Newer than anything applied and a legal transition: apply it. */
  APPLY,
  /**
   * The same event again (same time, same status and business status): acknowledge, change nothing.
   */
  DUPLICATE,
  /**
   * Older than the last applied event: acknowledge, change nothing (an older event never overwrites
   * a newer one).
   */
  STALE,
  /**
   * Not a legal transition for the partner from the current status: reject with an
   * OperationOutcome.
   */
  ILLEGAL_TRANSITION,
  /** The business status is not a referral-business-status code: reject. */
  UNKNOWN_BUSINESS_STATUS
}
