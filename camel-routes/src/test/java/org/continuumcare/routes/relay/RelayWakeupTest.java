package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelayWakeupTest {

  @Test
  void aSignalWakesAWaitingPollerLongBeforeItsTimeout() throws Exception {
    RelayWakeup wakeup = new RelayWakeup();
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(() -> wakeup.await(Duration.ofMinutes(5)));

    wakeup.signal();

    assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void signalsCoalesceAndAreConsumedByOneWait() {
    RelayWakeup wakeup = new RelayWakeup();
    wakeup.signal();
    wakeup.signal();
    wakeup.signal();

    assertThat(wakeup.await(Duration.ofMillis(1))).isTrue();
    assertThat(wakeup.await(Duration.ofMillis(20))).as("nothing left").isFalse();
  }
}
