package org.continuumcare.routes.referral;

import java.util.Objects;

/**
 * The policy's decision and its reason (the diagnostics of the OperationOutcome when rejected).
 *
 * @param decision what to do
 * @param reason why, in words (no PHI)
 * @param transition the transition check made (null when the policy stopped before checking it)
 */
public record StatusUpdateVerdict(
    UpdateDecision decision, String reason, TransitionCheck transition) {

  public StatusUpdateVerdict {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
  }

  /** True when the update must be applied to the Task. */
  public boolean apply() {
    return decision == UpdateDecision.APPLY;
  }

  /** True when the update is refused (as opposed to acknowledged without effect). */
  public boolean rejected() {
    return decision == UpdateDecision.ILLEGAL_TRANSITION
        || decision == UpdateDecision.UNKNOWN_BUSINESS_STATUS;
  }
}
