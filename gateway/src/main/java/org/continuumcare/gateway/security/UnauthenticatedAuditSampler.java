package org.continuumcare.gateway.security;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Decides which unauthenticated refusals become AuditEvents: at most {@code maxPerWindow} per
 * reason in each window of the clock (windows aligned on the epoch). Thread-safe; each reason has
 * its own window and count, so a flood of forged tokens does not hide an expired one.
 */
final class UnauthenticatedAuditSampler {

  private final int maxPerWindow;
  private final long windowMillis;
  private final Clock clock;
  private final Map<UnauthenticatedReason, Window> windows =
      new EnumMap<>(UnauthenticatedReason.class);

  UnauthenticatedAuditSampler(SecurityAuditProperties.Unauthenticated settings, Clock clock) {
    this.maxPerWindow = settings.maxPerWindow();
    this.windowMillis = settings.window().toMillis();
    this.clock = clock;
    for (UnauthenticatedReason reason : UnauthenticatedReason.values()) {
      windows.put(reason, new Window());
    }
  }

  /**
   * Records one refusal. Present: audit it; the value is how many refusals of the same reason were
   * not audited since the last one that was. Empty: do not audit it (it is counted for the next).
   */
  OptionalLong admit(UnauthenticatedReason reason) {
    return windows.get(reason).admit(Math.floorDiv(clock.millis(), windowMillis), maxPerWindow);
  }

  private static final class Window {
    private long index = Long.MIN_VALUE;
    private int audited;
    private long suppressed;

    synchronized OptionalLong admit(long now, int max) {
      if (now != index) {
        index = now;
        audited = 0;
      }
      if (audited >= max) {
        suppressed++;
        return OptionalLong.empty();
      }
      audited++;
      long since = suppressed;
      suppressed = 0;
      return OptionalLong.of(since);
    }
  }
}
