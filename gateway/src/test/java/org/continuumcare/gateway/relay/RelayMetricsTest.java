package org.continuumcare.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RelayMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RelayMetrics metrics = new RelayMetrics(registry, Clock.fixed(NOW,
      ZoneOffset.UTC));

  private static DeliveryAttempt attempt(DeliveryAttempt.Outcome outcome) {
    OutboxEntry entry = new OutboxEntry(1, "demo-treatment", "ep", "Task", "t1", 1, "k", null,
        OutboxState.IN_FLIGHT, 1, NOW, "lease", NOW, null, null, NOW.minusMillis(750), NOW, null);
    return new DeliveryAttempt(entry, outcome, 200, null, Duration.ofMillis(40), null);
  }

  @Test
  void outcomesAreCountedPerPartnerAndDeliveryLatencyRunsFromQueuing() {
    metrics.onAttempt(attempt(DeliveryAttempt.Outcome.RETRY));
    metrics.onAttempt(attempt(DeliveryAttempt.Outcome.DELIVERED));
    metrics.onAttempt(attempt(DeliveryAttempt.Outcome.DEAD));
    metrics.onAttempt(attempt(DeliveryAttempt.Outcome.HELD));

    assertThat(registry.counter("continuum.relay.retried", "partner", "demo-treatment").count())
        .isEqualTo(1);
    assertThat(registry.counter("continuum.relay.delivered", "partner", "demo-treatment").count())
        .isEqualTo(1);
    assertThat(registry.counter("continuum.relay.dead.lettered", "partner", "demo-treatment")
        .count()).isEqualTo(1);
    assertThat(registry.counter("continuum.relay.held", "partner", "demo-treatment").count())
        .isEqualTo(1);
    assertThat(registry.get("continuum.relay.delivery.latency").tag("partner", "demo-treatment")
        .timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(750);
  }

  @Test
  void queuedCountsOnlyOnceTheTransactionCommits() {
    TransactionSynchronizationManager.initSynchronization();
    try {
      metrics.queuedAfterCommit("demo-housing");
      assertThat(registry.counter("continuum.relay.queued", "partner", "demo-housing").count())
          .isZero();
      TransactionSynchronizationManager.getSynchronizations()
          .forEach(TransactionSynchronization::afterCommit);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
    assertThat(registry.counter("continuum.relay.queued", "partner", "demo-housing").count())
        .isEqualTo(1);
  }
}
