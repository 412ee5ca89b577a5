package org.continuumcare.routes.referral;

import java.util.Objects;
import java.util.function.Predicate;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Decides whether a partner's status update may change a stored Task. Order of the checks: unknown
 * business status, then the event time (older than the last applied event: stale; equal and
 * identical: duplicate), then the Task lifecycle table. An update at the same instant as the last
 * one but saying something different is checked as a transition (the partner reports two steps with
 * one timestamp).
 */
public final class StatusUpdatePolicy {

  private final TaskTransitions transitions;
  private final Predicate<String> businessStatusKnown;

  public StatusUpdatePolicy(TaskTransitions transitions, Predicate<String> businessStatusKnown) {
    this.transitions = Objects.requireNonNull(transitions, "transitions");
    this.businessStatusKnown = Objects.requireNonNull(businessStatusKnown, "businessStatusKnown");
  }

  /**
   * The referral lifecycle, with business statuses checked against CodeSystem
   * referral-business-status.
   */
  public static StatusUpdatePolicy referralDefault() {
    CodeSystemLookup lookup = CodeSystemLookup.shared();
    return new StatusUpdatePolicy(
        TaskTransitions.referralLifecycle(),
        code -> lookup.contains(ContinuumTerminology.REFERRAL_BUSINESS_STATUS, code));
  }

  public StatusUpdateVerdict decide(
      CurrentTaskState current, TaskStatusUpdate update, ActorRole actor) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(actor, "actor");
    if (update.businessStatus() != null && !businessStatusKnown.test(update.businessStatus())) {
      return new StatusUpdateVerdict(
          UpdateDecision.UNKNOWN_BUSINESS_STATUS,
          "Unknown business status '"
              + update.businessStatus()
              + "' (CodeSystem "
              + ContinuumTerminology.REFERRAL_BUSINESS_STATUS
              + ")",
          null);
    }
    TaskStatus target = update.newStatus().orElse(current.status());
    String targetBusiness = update.newBusinessStatus().orElse(current.businessStatus());
    if (current.lastEventTime() != null) {
      if (update.eventTime().isBefore(current.lastEventTime())) {
        return new StatusUpdateVerdict(
            UpdateDecision.STALE,
            "Event at "
                + update.eventTime()
                + " is older than the last applied event at "
                + current.lastEventTime(),
            null);
      }
      if (update.eventTime().equals(current.lastEventTime())
          && target == current.status()
          && Objects.equals(targetBusiness, current.businessStatus())) {
        return new StatusUpdateVerdict(
            UpdateDecision.DUPLICATE,
            "Event at " + update.eventTime() + " was already applied",
            null);
      }
    }
    TransitionCheck check = transitions.check(actor, current.status(), target);
    if (!check.allowed()) {
      return new StatusUpdateVerdict(UpdateDecision.ILLEGAL_TRANSITION, check.message(), check);
    }
    return new StatusUpdateVerdict(UpdateDecision.APPLY, check.message(), check);
  }
}
