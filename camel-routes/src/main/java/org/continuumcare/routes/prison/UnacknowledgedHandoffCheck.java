package org.continuumcare.routes.prison;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.continuumcare.routes.handoff.HandoffAlertListener;
import org.continuumcare.routes.handoff.HandoffTaskStore;
import org.continuumcare.routes.handoff.HandoffTaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the "not acknowledged before release" check: reads the open handoff Tasks, flags those
 * the {@link UnacknowledgedReleasePolicy} says must be flagged, and reports what it did to the
 * listener (metrics). Running it twice flags nothing new.
 */
public final class UnacknowledgedHandoffCheck {

  /** The outcome of one run. */
  public record Result(int flagged, int outstanding) {}

  private static final Logger log = LoggerFactory.getLogger(UnacknowledgedHandoffCheck.class);

  private final HandoffTaskStore store;
  private final UnacknowledgedReleasePolicy policy;
  private final Clock clock;
  private final HandoffAlertListener listener;

  public UnacknowledgedHandoffCheck(
      HandoffTaskStore store,
      UnacknowledgedReleasePolicy policy,
      Clock clock,
      HandoffAlertListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public Result run() {
    Instant now = clock.instant();
    int flagged = 0;
    int outstanding = 0;
    for (HandoffTaskView task : store.openHandoffTasks()) {
      if (policy.isOutstanding(task)) {
        outstanding++;
      } else if (policy.mustFlag(task, now) && store.flagNotAcknowledged(task, now)) {
        log.warn(
            "Handoff Task/{} not acknowledged by the treatment provider; release on {}",
            task.taskId(),
            task.releaseDate());
        flagged++;
        outstanding++;
      }
    }
    listener.checked(flagged, outstanding);
    return new Result(flagged, outstanding);
  }
}
