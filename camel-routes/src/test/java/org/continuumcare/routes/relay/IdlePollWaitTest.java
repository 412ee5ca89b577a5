package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdlePollWaitTest {

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  @Test
  void anIdlePollerWaitsItsWholeBackOffWhenNoRowWaits() {
    assertThat(DeliveryCoordinator.idleWait(Duration.ofSeconds(8), null, POLL_INTERVAL))
        .isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void anIdlePollerLooksAgainWhenTheNextRetryIsDue() {
    assertThat(
            DeliveryCoordinator.idleWait(
                Duration.ofSeconds(8), Duration.ofMillis(2500), POLL_INTERVAL))
        .isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void aRowDueNowThatTheClaimDidNotTakeDoesNotMakeThePollerSpin() {
    assertThat(
            DeliveryCoordinator.idleWait(
                Duration.ofSeconds(8), Duration.ofSeconds(-3), POLL_INTERVAL))
        .isEqualTo(POLL_INTERVAL);
  }
}
