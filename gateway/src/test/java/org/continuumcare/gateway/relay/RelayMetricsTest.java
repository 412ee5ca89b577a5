package org.continuumcare.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.HeldSelection;
import org.continuumcare.routes.relay.NewDelivery;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RelayMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final OutboxStore outbox = new OutboxStore(h2(), clock);
  private final RelayMetrics metrics = new RelayMetrics(registry, outbox, clock);

  /** The outbox on an in-memory H2 database (the zero-setup run's database). */
  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:relay-metrics-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    new ContinuumSchemaMigrator(h2).migrate();
    return h2;
  }

  private List<OutboxEntry> hold(String partner, String... resourceIds) {
    for (String id : resourceIds) {
      outbox.enqueue(new NewDelivery(partner, "ep-" + partner, "Task", id, 1, null));
    }
    List<OutboxEntry> claimed = outbox.claim(resourceIds.length, Duration.ofSeconds(30));
    claimed.forEach(e -> outbox.markHeld(e, "no consent", NOW.plusSeconds(300), null));
    return claimed;
  }

  private double heldNow(String partner) {
    return registry.get(RelayMetrics.HELD_CURRENT).tag("partner", partner).gauge().value();
  }

  @Test
  void heldGaugeShowsTheRowsHeldNowPerPartnerFromStartupAndFromAPartnersFirstHold() {
    hold("demo-treatment", "t1", "t2");
    metrics.watchHeldPartners();
    assertThat(heldNow("demo-treatment")).isEqualTo(2);

    OutboxEntry housing = hold("demo-housing", "t3").get(0);
    assertThat(registry.find(RelayMetrics.HELD_CURRENT).tag("partner", "demo-housing").gauge())
        .isNull();
    metrics.onAttempt(
        new DeliveryAttempt(
            housing,
            DeliveryAttempt.Outcome.HELD,
            null,
            "no consent",
            Duration.ofMillis(5),
            NOW.plusSeconds(300)));
    assertThat(heldNow("demo-housing")).isEqualTo(1);
    assertThat(registry.counter("continuum.relay.held", "partner", "demo-housing").count())
        .as("the counter of holds stays")
        .isEqualTo(1);

    outbox.releaseHeld(HeldSelection.resource("Task", "t1"));
    assertThat(heldNow("demo-treatment")).as("read when scraped").isEqualTo(1);
    assertThat(heldNow("demo-housing")).isEqualTo(1);
  }

  @Test
  void auditBacklogGaugeShowsTheJournaledAttemptsNotYetAudited() {
    metrics.watchAuditBacklog();
    assertThat(registry.get(RelayMetrics.AUDIT_BACKLOG).gauge().value()).isZero();

    outbox.enqueue(new NewDelivery("demo-treatment", "ep-demo-treatment", "Task", "t1", 1, null));
    OutboxEntry claimed = outbox.claim(1, Duration.ofSeconds(30)).get(0);
    outbox.markDelivered(
        claimed,
        200,
        new DeliveryAttempt(
            claimed, DeliveryAttempt.Outcome.DELIVERED, 200, null, Duration.ofMillis(5), null));
    assertThat(registry.get(RelayMetrics.AUDIT_BACKLOG).gauge().value()).isEqualTo(1);

    outbox.forgetJournaled(outbox.lockJournal(10));
    assertThat(registry.get(RelayMetrics.AUDIT_BACKLOG).gauge().value())
        .as("read when scraped")
        .isZero();
  }

  private static DeliveryAttempt attempt(DeliveryAttempt.Outcome outcome) {
    OutboxEntry entry =
        new OutboxEntry(
            1,
            "demo-treatment",
            "ep",
            "Task",
            "t1",
            1,
            "k",
            null,
            OutboxState.IN_FLIGHT,
            1,
            NOW,
            "lease",
            NOW,
            null,
            null,
            NOW.minusMillis(750),
            NOW,
            null);
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
    assertThat(
            registry.counter("continuum.relay.dead.lettered", "partner", "demo-treatment").count())
        .isEqualTo(1);
    assertThat(registry.counter("continuum.relay.held", "partner", "demo-treatment").count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("continuum.relay.delivery.latency")
                .tag("partner", "demo-treatment")
                .timer()
                .totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(750);
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
