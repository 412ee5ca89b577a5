package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup run keeps its data in H2: the same migration and the same claim statement (FOR
 * UPDATE SKIP LOCKED, ordering of versions) must work there. PostgreSQL tests prove the
 * concurrency; this one proves compatibility only.
 */
class OutboxStoreOnH2IT {

  @Test
  void migrationAndClaimingWorkOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:relay-h2;DB_CLOSE_DELAY=-1");
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));

    assertThat(new ContinuumSchemaMigrator(h2).migrate()).isEqualTo("5");
    OutboxStore store = new OutboxStore(h2, clock);
    store.enqueue(new NewDelivery("p", "ep", "Task", "t1", 1, null));
    store.enqueue(new NewDelivery("p", "ep", "Task", "t1", 2, null));
    assertThat(store.enqueue(new NewDelivery("p", "ep", "Task", "t1", 2, null))).isFalse();

    OutboxEntry v1 = store.claim(10, Duration.ofSeconds(30)).get(0);
    assertThat(store.claim(10, Duration.ofSeconds(30))).isEmpty();
    // Version 2 is due now but waits for version 1: the poller's idle wait floors at poll-interval.
    assertThat(store.nextDue()).contains(clock.instant());
    assertThat(store.markDelivered(v1, 200, null)).isTrue();
    assertThat(store.claim(10, Duration.ofSeconds(30)))
        .singleElement()
        .satisfies(v2 -> assertThat(v2.resourceVersion()).isEqualTo(2));
    assertThat(store.find(v1.id()).orElseThrow().deliveredAt()).isEqualTo(clock.instant());

    store.enqueue(new NewDelivery("p", "ep", "Task", "routine", 1, null));
    store.enqueue(
        new NewDelivery(
            "p", "ep", "Task", "urgent", 1, null, clock.instant().plusSeconds(60), "pat"));
    OutboxEntry urgent = store.claim(1, Duration.ofSeconds(30)).get(0);
    assertThat(urgent.resourceId()).isEqualTo("urgent");
    assertThat(store.markHeld(urgent, "hold", clock.instant().plusSeconds(60), null)).isTrue();
    assertThat(store.releaseHeld(HeldSelection.patient("pat"))).isEqualTo(1);

    OutboxEntry deciding =
        store.claim(10, Duration.ofSeconds(30)).stream()
            .filter(e -> e.resourceId().equals("urgent"))
            .findFirst()
            .orElseThrow();
    assertThat(store.releaseHeld(HeldSelection.patient("pat")))
        .as("flagged in flight")
        .isEqualTo(1);
    assertThat(store.markHeld(deciding, "hold", clock.instant().plusSeconds(60), null)).isTrue();
    assertThat(store.find(deciding.id()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant());
  }
}
