package org.continuumcare.gateway.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.DeliveryAttemptListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Relay metrics per partner (Prometheus names {@code continuum_relay_*}): queued, delivered,
 * retried, dead-lettered, held by the disclosure gate, unroutable; delivery latency from commit of the outbox row to the
 * partner's 2xx; duration of each attempt.
 */
final class RelayMetrics implements DeliveryAttemptListener {

  private static final String PARTNER = "partner";

  private final MeterRegistry registry;
  private final Clock clock;

  RelayMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** Counts a queued delivery once its transaction commits (a rollback queues nothing). */
  void queuedAfterCommit(String partner) {
    Counter queued = counter("continuum.relay.queued", partner);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          queued.increment();
        }
      });
    } else {
      queued.increment();
    }
  }

  void unroutable(String partner) {
    counter("continuum.relay.unroutable", partner).increment();
  }

  @Override
  public void onAttempt(DeliveryAttempt attempt) {
    String partner = attempt.entry().partnerId();
    Timer.builder("continuum.relay.attempt.duration")
        .description("Duration of one delivery attempt")
        .tag(PARTNER, partner)
        .tag("outcome", attempt.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .record(attempt.duration());
    switch (attempt.outcome()) {
      case DELIVERED -> {
        counter("continuum.relay.delivered", partner).increment();
        Timer.builder("continuum.relay.delivery.latency")
            .description("From the commit that queued a delivery to the partner's 2xx")
            .tag(PARTNER, partner)
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(registry)
            .record(attempt.sinceQueued(clock.instant()));
      }
      case RETRY -> counter("continuum.relay.retried", partner).increment();
      case DEAD -> counter("continuum.relay.dead.lettered", partner).increment();
      case HELD -> counter("continuum.relay.held", partner).increment();
    }
  }

  private Counter counter(String name, String partner) {
    return Counter.builder(name).tag(PARTNER, partner).register(registry);
  }
}
