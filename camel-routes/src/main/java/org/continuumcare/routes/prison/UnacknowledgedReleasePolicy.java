package org.continuumcare.routes.prison;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.continuumcare.routes.handoff.HandoffTaskStore;
import org.continuumcare.routes.handoff.HandoffTaskView;

/**
 * Decides which handoff referral Tasks to flag as not acknowledged before release: a Task for the
 * treatment provider (referral category {@code treatment-continuation} or {@code
 * moud-continuation}) that the provider has not accepted (status {@code requested} or {@code
 * received}) when the release is {@code alertBefore} or less away (or already past). The release
 * moment is the start of the release date in {@code releaseZone} (release dates carry no time). A
 * Task already flagged is not flagged again. Pure.
 */
public final class UnacknowledgedReleasePolicy {

  /** Task.businessStatus code (referral-business-status CodeSystem) of a flagged Task. */
  public static final String NOT_ACKNOWLEDGED = HandoffTaskStore.NOT_ACKNOWLEDGED;

  static final Set<String> OPEN_STATUSES = Set.of("requested", "received");
  static final Set<String> TREATMENT_CATEGORIES =
      Set.of("treatment-continuation", "moud-continuation");

  private final Duration alertBefore;
  private final ZoneId releaseZone;

  public UnacknowledgedReleasePolicy(Duration alertBefore, ZoneId releaseZone) {
    this.alertBefore = Objects.requireNonNull(alertBefore, "alertBefore");
    if (alertBefore.isNegative()) {
      throw new IllegalArgumentException("alertBefore must not be negative: " + alertBefore);
    }
    this.releaseZone = Objects.requireNonNull(releaseZone, "releaseZone");
  }

  /** Whether the Task must be flagged now. */
  public boolean mustFlag(HandoffTaskView task, Instant now) {
    return isWatched(task)
        && !NOT_ACKNOWLEDGED.equals(task.businessStatus())
        && task.releaseDate() != null
        && !now.isBefore(releaseMoment(task).minus(alertBefore));
  }

  /** Whether the Task is flagged and still not acknowledged (what the gauge counts). */
  public boolean isOutstanding(HandoffTaskView task) {
    return isWatched(task) && NOT_ACKNOWLEDGED.equals(task.businessStatus());
  }

  private static boolean isWatched(HandoffTaskView task) {
    return OPEN_STATUSES.contains(task.status())
        && task.referralCategories().stream().anyMatch(TREATMENT_CATEGORIES::contains);
  }

  private Instant releaseMoment(HandoffTaskView task) {
    return task.releaseDate().atStartOfDay(releaseZone).toInstant();
  }
}
