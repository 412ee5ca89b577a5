package org.continuumcare.routes.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleBackoffTest {

  @Test
  void eachEmptyPollWaitsTwiceAsLongAsTheLastUpToTheCap() {
    IdleBackoff backoff = new IdleBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));

    assertThat(backoff.nextWait()).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.nextWait()).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.nextWait()).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.nextWait()).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.nextWait()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPollThatFindsWorkStartsTheBackOffOver() {
    IdleBackoff backoff = new IdleBackoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    backoff.nextWait();
    backoff.nextWait();

    backoff.worked();

    assertThat(backoff.nextWait()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void aSignalEndsTheWaitAtOnceAndStartsTheBackOffOver() {
    IdleBackoff backoff = new IdleBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10));
    backoff.signal();

    long started = System.nanoTime();
    assertThat(backoff.idle()).isTrue();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
    assertThat(backoff.nextWait()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void signalsDuringWorkCoalesceIntoOneWakeUp() {
    IdleBackoff backoff = new IdleBackoff(Duration.ofMillis(1), Duration.ofMillis(1));
    backoff.signal();
    backoff.signal();
    backoff.signal();

    assertThat(backoff.idle()).isTrue();
    assertThat(backoff.idle()).as("no signal left over").isFalse();
  }

  @Test
  void anInterruptedWaitEndsAndKeepsTheInterrupt() {
    IdleBackoff backoff = new IdleBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10));
    Thread.currentThread().interrupt();

    assertThat(backoff.idle()).isFalse();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void refusesACapBelowTheFirstWait() {
    assertThatThrownBy(() -> new IdleBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
