package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.continuumcare.routes.relay.MutableClock;
import org.continuumcare.routes.relay.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handoff queue on embedded PostgreSQL: claims, per-person order, leases, dead letters, replay.
 */
class HandoffQueueIT {

  private static final Duration LEASE = Duration.ofMinutes(5);

  private HikariDataSource db;
  private MutableClock clock;
  private HandoffQueue queue;

  @BeforeEach
  void setUp() {
    db = TestDatabases.freshPostgres();
    new ContinuumSchemaMigrator(db).migrate();
    clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    queue = new HandoffQueue(db, clock);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private long enqueue(String controlId, String mrn, String day) {
    Hl7v2Intake.Translated intake = QueuedSamples.translated(controlId, mrn, day);
    return queue.enqueue(
        intake.header(),
        intake.handoff(),
        "{\"resourceType\":\"Bundle\",\"id\":\"" + controlId + "\"}");
  }

  @Test
  void aQueuedHandoffIsClaimedWithItsTransactionAndGoesOnceStored() {
    long id = enqueue("C-1", "MRN-1", "20261215");

    List<QueuedHandoff> claimed = queue.claim(8, LEASE);

    assertThat(claimed)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.id()).isEqualTo(id);
              assertThat(row.controlId()).isEqualTo("C-1");
              assertThat(row.releaseDate()).isEqualTo(LocalDate.of(2026, 12, 15));
              assertThat(row.transactionJson()).contains("\"C-1\"");
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.state()).isEqualTo("IN_FLIGHT");
            });
    assertThat(queue.claim(8, LEASE)).as("claimed rows are not handed out twice").isEmpty();
    assertThat(queue.stored(claimed.get(0))).isTrue();
    assertThat(queue.counts())
        .containsEntry("PENDING", 0L)
        .containsEntry("IN_FLIGHT", 0L)
        .containsEntry("DEAD", 0L);
  }

  @Test
  void aLaterHandoffOfTheSamePersonWaitsUntilTheEarlierOneIsStored() {
    enqueue("A04", "MRN-1", "20261215");
    enqueue("A08", "MRN-1", "20261210");
    enqueue("OTHER", "MRN-2", "20261220");

    List<QueuedHandoff> first = queue.claim(8, LEASE);

    assertThat(first).extracting(QueuedHandoff::controlId).containsExactly("A04", "OTHER");
    first.forEach(queue::stored);
    assertThat(queue.claim(8, LEASE)).extracting(QueuedHandoff::controlId).containsExactly("A08");
  }

  @Test
  void handoffsNearerReleaseAreClaimedFirst() {
    enqueue("LATER", "MRN-1", "20261231");
    enqueue("SOONER", "MRN-2", "20261204");

    assertThat(queue.claim(1, LEASE))
        .extracting(QueuedHandoff::controlId)
        .containsExactly("SOONER");
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldClaimCanNoLongerDecide() {
    enqueue("C-1", "MRN-1", "20261215");
    QueuedHandoff stale = queue.claim(8, LEASE).get(0);

    clock.advance(LEASE.plusSeconds(1));
    QueuedHandoff takenOver = queue.claim(8, LEASE).get(0);

    assertThat(takenOver.id()).isEqualTo(stale.id());
    assertThat(takenOver.attempts()).isEqualTo(2);
    assertThat(queue.stored(stale)).isFalse();
    assertThat(queue.dead(stale, "late")).isFalse();
    assertThat(queue.stored(takenOver)).isTrue();
  }

  @Test
  void aRetryComesDueAtItsTimeWithTheReasonKept() {
    enqueue("C-1", "MRN-1", "20261215");
    QueuedHandoff claimed = queue.claim(8, LEASE).get(0);

    assertThat(queue.retryAt(claimed, clock.instant().plusSeconds(30), "database unavailable"))
        .isTrue();

    assertThat(queue.claim(8, LEASE)).isEmpty();
    assertThat(queue.counts()).containsEntry("PENDING", 1L);
    clock.advance(Duration.ofSeconds(30));
    assertThat(queue.claim(8, LEASE))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.attempts()).isEqualTo(2);
              assertThat(row.lastError()).isEqualTo("database unavailable");
            });
  }

  @Test
  void aDeadLetterIsListedWithItsReasonDoesNotBlockThePersonsNextHandoffAndCanBeReplayed() {
    long dead = enqueue("A04", "MRN-1", "20261215");
    enqueue("A08", "MRN-1", "20261215");
    QueuedHandoff claimed = queue.claim(8, LEASE).get(0);

    assertThat(queue.dead(claimed, "refused by the FHIR store (HTTP 422): Patient.birthDate"))
        .isTrue();

    assertThat(queue.deadLetters(10))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.id()).isEqualTo(dead);
              assertThat(row.lastError()).contains("HTTP 422");
              assertThat(row.transactionJson())
                  .as("the listing leaves the clinical content out")
                  .isEmpty();
            });
    assertThat(queue.count("DEAD")).isEqualTo(1);
    assertThat(queue.claim(8, LEASE)).extracting(QueuedHandoff::controlId).containsExactly("A08");

    assertThat(queue.replay(dead)).isTrue();
    assertThat(queue.replay(dead)).as("only a dead letter is replayed").isFalse();
    assertThat(queue.replay(999_999)).isFalse();
    assertThat(queue.claim(8, LEASE))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.id()).isEqualTo(dead);
              assertThat(row.attempts()).isEqualTo(1);
            });
  }

  @Test
  void thePersonKeyIsAHashNotTheIdentifier() {
    Hl7v2Intake.Translated intake = QueuedSamples.translated("C-1", "MRN-SECRET", "20261215");

    assertThat(HandoffQueue.personKey(intake.handoff())).hasSize(64).doesNotContain("MRN-SECRET");
  }
}
