package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

  private final List<Long> pauses = new ArrayList<>();
  private final ConflictRetry retry =
      new ConflictRetry(3, Duration.ofMillis(10), base -> 1, pauses::add);

  @Test
  void aWriteThatLosesARaceIsRunAgainAndItsResultReturned() {
    AtomicInteger calls = new AtomicInteger();

    String result =
        retry.run(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new ResourceVersionConflictException("HAPI-0550: duplicate match URL");
              }
              return "stored";
            });

    assertThat(result).isEqualTo("stored");
    assertThat(calls).hasValue(3);
    assertThat(pauses).containsExactly(11L, 21L);
  }

  @Test
  void theLastConflictIsThrownOnceTheAttemptsAreSpent() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    () -> {
                      calls.incrementAndGet();
                      throw new ResourceVersionConflictException("conflict " + calls.get());
                    }))
        .isInstanceOf(ResourceVersionConflictException.class)
        .hasMessageContaining("conflict 3");
    assertThat(calls).hasValue(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    () -> {
                      calls.incrementAndGet();
                      throw new UnprocessableEntityException("invalid");
                    }))
        .isInstanceOf(UnprocessableEntityException.class);
    assertThat(calls).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void atLeastOneAttemptIsRequired() {
    assertThatThrownBy(() -> new ConflictRetry(0, Duration.ofMillis(1), base -> 0, millis -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
