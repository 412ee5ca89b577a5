package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void delayDoublesWithEveryFailedAttemptWithoutJitter() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15), 0, fixed(0.9));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofSeconds(64));
  }

  @Test
  void delayIsCappedAtMaxEvenForHugeAttemptCounts() {
    Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(15), 0, fixed(0.5));

    assertThat(backoff.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void jitterTakesARandomShareOffTheDelay() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15), 0.5, fixed(0.5));

    // 10 s, minus 0.5 (jitter) x 0.5 (random) of it.
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(7500));
  }

  @Test
  void jitterNeverMakesTheDelayNegativeOrLongerThanWithout() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.0, fixed(0.999));

    assertThat(backoff.delayAfter(3)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
  }

  @Test
  void rejectsJitterOutsideZeroToOne() {
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, fixed(0)))
        .hasMessageContaining("jitter");
  }
}
