package org.continuumcare.routes.relay;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: before attempt {@code n + 1} wait {@code min(max, base *
 * 2^(n-1))}, of which up to {@code jitter} (a fraction) is randomly taken off, so that partners
 * coming back are not hit by every retry at once.
 */
public final class Backoff {

  private final Duration base;
  private final Duration max;
  private final double jitter;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, double jitter, RandomGenerator random) {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base must be positive: " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff max " + max + " is below base " + base);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
    }
    this.base = base;
    this.max = max;
    this.jitter = jitter;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay after the {@code attemptsMade}-th failed attempt (1-based). */
  public Duration delayAfter(int attemptsMade) {
    int doublings = Math.max(0, Math.min(attemptsMade - 1, 62));
    long baseMillis = base.toMillis();
    long exponential =
        doublings >= Long.numberOfLeadingZeros(baseMillis) - 1
            ? Long.MAX_VALUE
            : baseMillis << doublings;
    long capped = Math.min(exponential, max.toMillis());
    long jitterMillis = (long) (capped * jitter * random.nextDouble());
    return Duration.ofMillis(capped - jitterMillis);
  }
}
