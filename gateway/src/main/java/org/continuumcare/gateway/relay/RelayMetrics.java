package org.continuumcare.gateway.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.DeliveryAttemptListener;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Relay metrics per partner (Prometheus names {@code continuum_relay_*}): queued, delivered,
 * retried, dead-lettered, held by the disclosure gate, unroutable; delivery latency from commit of
 * the outbox row to the partner's 2xx; duration of each attempt. Besides the counters, the gauge
 * {@code continuum_relay_held_current} gives the rows held right now per partner (read from the
 * outbox when scraped): from startup for partners that have held rows, from its first hold for any
 * other partner; {@code continuum_relay_audit_backlog} the attempts journaled but not yet stored as
 * AuditEvents (shared by all instances).
 */
final class RelayMetrics implements DeliveryAttemptListener {

  private static final String PARTNER = "partner";

  static final String HELD_CURRENT = "continuum.relay.held.current";
  static final String AUDIT_BACKLOG = "continuum.relay.audit.backlog";

  private final MeterRegistry registry;
  private final OutboxStore outbox;
  private final Clock clock;
  private final Set<String> heldWatched = ConcurrentHashMap.newKeySet();

  RelayMetrics(MeterRegistry registry, OutboxStore outbox, Clock clock) {
    this.registry = registry;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Gauges of currently held rows for every partner that has some now (at startup). */
  void watchHeldPartners() {
    outbox.partnersIn(OutboxState.HELD).forEach(this::watchHeld);
  }

  /** Gauge of the attempts not yet stored as AuditEvents (read from the journal when scraped). */
  void watchAuditBacklog() {
    Gauge.builder(AUDIT_BACKLOG, outbox, OutboxStore::journalBacklog)
        .description("Delivery attempts journaled but not yet stored as AuditEvents")
        .register(registry);
  }

  private void watchHeld(String partner) {
    if (heldWatched.add(partner)) {
      Gauge.builder(HELD_CURRENT, outbox, store -> store.count(partner, OutboxState.HELD))
          .description("Deliveries held by the disclosure gate right now")
          .tag(PARTNER, partner)
          .register(registry);
    }
  }

  /** Counts a queued delivery once its transaction commits (a rollback queues nothing). */
  void queuedAfterCommit(String partner) {
    Counter queued = counter("continuum.relay.queued", partner);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
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
      case HELD -> {
        counter("continuum.relay.held", partner).increment();
        watchHeld(partner);
      }
    }
  }

  private Counter counter(String name, String partner) {
    return Counter.builder(name).tag(PARTNER, partner).register(registry);
  }
}
