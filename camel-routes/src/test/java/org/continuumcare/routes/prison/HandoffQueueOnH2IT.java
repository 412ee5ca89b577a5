package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.continuumcare.routes.relay.MutableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The zero-setup run keeps its data in H2: the queue's migration, its generated ids and its claim
 * statement must work there too. PostgreSQL tests prove the behaviour; this one proves
 * compatibility only.
 */
class HandoffQueueOnH2IT {

  @Test
  void queueingClaimingAndDeadLettersWorkOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:handoff-queue-h2;DB_CLOSE_DELAY=-1");
    new ContinuumSchemaMigrator(h2).migrate();
    HandoffQueue queue =
        new HandoffQueue(h2, new MutableClock(Instant.parse("2026-12-03T12:00:00Z")));
    Hl7v2Intake.Translated first = QueuedSamples.translated("A04", "MRN-1", "20261215");
    Hl7v2Intake.Translated second = QueuedSamples.translated("A08", "MRN-1", "20261215");

    long id = queue.enqueue(first.header(), first.handoff(), "{}");
    long next = queue.enqueue(second.header(), second.handoff(), "{}");

    assertThat(next).isGreaterThan(id);
    QueuedHandoff claimed =
        queue.claim(8, Duration.ofMinutes(5)).stream()
            .filter(row -> row.id() == id)
            .findFirst()
            .orElseThrow();
    assertThat(queue.claim(8, Duration.ofMinutes(5)))
        .as("the same person's next handoff waits")
        .isEmpty();
    assertThat(queue.dead(claimed, "refused")).isTrue();
    assertThat(queue.deadLetters(10)).extracting(QueuedHandoff::id).containsExactly(id);
    assertThat(queue.claim(8, Duration.ofMinutes(5)))
        .extracting(QueuedHandoff::id)
        .containsExactly(next);
    assertThat(queue.counts()).containsEntry("DEAD", 1L).containsEntry("IN_FLIGHT", 1L);
  }
}
