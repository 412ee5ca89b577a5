package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.continuumcare.routes.relay.Backoff;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.continuumcare.routes.relay.MutableClock;
import org.continuumcare.routes.relay.TestDatabases;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The accept-acknowledgment path of the handoff route on embedded PostgreSQL: a sender asking for
 * CA only (MSH-16 = NE) gets CA once the handoff is queued, and the drainer stores it afterwards;
 * what the FHIR store refuses becomes a dead letter with the reason, what fails otherwise is tried
 * again.
 */
class PrisonHandoffQueueRouteIT extends CamelTestSupport {

  private enum Store {
    OK,
    REFUSE,
    FAIL
  }

  private final int port = AvailablePortFinder.getNextAvailable();
  private final List<Bundle> committed = new CopyOnWriteArrayList<>();
  private final AtomicReference<Store> store = new AtomicReference<>(Store.OK);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
  private HikariDataSource db;
  private HandoffQueue queue;
  private HandoffQueueSteps steps;

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    db = TestDatabases.freshPostgres();
    new ContinuumSchemaMigrator(db).migrate();
    queue = new HandoffQueue(db, clock);
    PrisonProperties.Queue settings =
        new PrisonProperties.Queue(
            1,
            Duration.ofMillis(20),
            8,
            Duration.ofMinutes(5),
            3,
            Duration.ofSeconds(5),
            Duration.ofMinutes(1));
    PrisonProperties properties =
        new PrisonProperties(
            true,
            "127.0.0.1",
            port,
            "direct:test-fhir-transaction",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            settings);
    PrisonHl7v2Translator translator = PrisonFixtures.translator();
    steps =
        new HandoffQueueSteps(
            queue,
            translator,
            FhirContext.forR4Cached(),
            settings,
            new Backoff(settings.retryBase(), settings.retryMax(), 0, () -> 0L),
            clock);
    RouteBuilder recordingStore =
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:test-fhir-transaction")
                .routeId("test-fhir-transaction")
                .process(
                    exchange -> {
                      switch (store.get()) {
                        case REFUSE ->
                            throw new UnprocessableEntityException(
                                "Patient.birthDate: invalid date");
                        case FAIL -> throw new IllegalStateException("database unavailable");
                        default -> committed.add(exchange.getMessage().getBody(Bundle.class));
                      }
                    });
          }
        };
    return new RoutesBuilder[] {
      new PrisonHandoffRoute(properties, new PrisonHandoffSteps(translator), steps), recordingStore
    };
  }

  @Override
  protected void doPostTearDown() throws Exception {
    db.close();
    super.doPostTearDown();
  }

  private String send(String message) {
    return template.requestBody(PrisonHandoffRoute.DIRECT, message, String.class);
  }

  /**
   * Waits (bounded) until the single queued row is back in {@code state} after {@code attempts}
   * attempts.
   */
  private Map<String, Object> awaitRow(String state, int attempts) {
    JdbcTemplate jdbc = new JdbcTemplate(db);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForList(
                            "select state, attempts from continuum_handoff_queue where state = ? and attempts = ?",
                            state,
                            attempts)
                        .size()
                    == 1);
    return jdbc.queryForMap("select state, attempts, last_error from continuum_handoff_queue");
  }

  private void awaitQueueEmpty() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> queue.counts().values().stream().allMatch(n -> n == 0));
  }

  @Test
  void anAcceptOnlyHandoffIsAnsweredCaOnceQueuedAndStoredAfterwards() {
    Hl7v2Acks ack = Hl7v2Acks.parse(send(QueuedSamples.acceptOnly("Q-1", "MRN-1", "20261215")));

    assertThat(ack.get("/MSA-1")).isEqualTo("CA");
    assertThat(ack.get("/MSA-2")).isEqualTo("Q-1");
    awaitQueueEmpty();
    assertThat(committed)
        .singleElement()
        .satisfies(
            bundle -> {
              assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
              assertThat(bundle.getEntry()).isNotEmpty();
            });
    assertThat(queue.counts())
        .containsEntry("PENDING", 0L)
        .containsEntry("IN_FLIGHT", 0L)
        .containsEntry("DEAD", 0L);
  }

  @Test
  void anOriginalModeHandoffIsStillAnsweredAaAfterItsCommit() {
    Hl7v2Acks ack = Hl7v2Acks.parse(send(Hl7v2Samples.discharge()));

    assertThat(ack.get("/MSA-1")).isEqualTo("AA");
    assertThat(committed).hasSize(1);
    assertThat(queue.counts()).containsEntry("PENDING", 0L);
  }

  @Test
  void aBadHandoffFromAnAcceptOnlySenderIsAnsweredCeNamingTheFieldAndNothingIsQueued() {
    String msh = Hl7v2Samples.MSH_251 + "|||AL|NE";
    String pid = Hl7v2Samples.segment("PID", 1, "1", 5, "Reyes^Jordan");

    Hl7v2Acks ack =
        Hl7v2Acks.parse(send(PrisonFixtures.er7(msh, Hl7v2Samples.EVN, pid, Hl7v2Samples.PV1)));

    assertThat(ack.get("/MSA-1")).isEqualTo("CE");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-2-3")).isEqualTo("3");
    assertThat(queue.counts()).containsEntry("PENDING", 0L);
  }

  @Test
  void anUnsupportedMessageFromAnAcceptOnlySenderIsAnsweredCr() {
    String msh = Hl7v2Samples.MSH_251.replace("ADT^A03^ADT_A03", "ADT^A01^ADT_A01") + "|||AL|NE";

    Hl7v2Acks ack =
        Hl7v2Acks.parse(send(PrisonFixtures.er7(msh, Hl7v2Samples.EVN, Hl7v2Samples.PID)));

    assertThat(ack.get("/MSA-1")).isEqualTo("CR");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("201");
    assertThat(queue.counts()).containsEntry("PENDING", 0L);
  }

  @Test
  void aHandoffTheFhirStoreRefusesBecomesADeadLetterWithTheReason() {
    store.set(Store.REFUSE);

    assertThat(
            Hl7v2Acks.parse(send(QueuedSamples.acceptOnly("Q-1", "MRN-1", "20261215")))
                .get("/MSA-1"))
        .isEqualTo("CA");

    awaitRow("DEAD", 1);
    assertThat(queue.deadLetters(10))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.controlId()).isEqualTo("Q-1");
              assertThat(row.attempts()).isEqualTo(1);
              assertThat(row.lastError()).contains("HTTP 422").contains("Patient.birthDate");
            });
    assertThat(committed).isEmpty();
  }

  @Test
  void aQueuedTransactionThatCannotBeReadBackIsADeadLetterAtOnce() {
    Hl7v2Intake.Translated intake = QueuedSamples.translated("Q-1", "MRN-1", "20261215");

    queue.enqueue(intake.header(), intake.handoff(), "{\"resourceType\": \"Bundle\", \"type\": 42");

    assertThat(awaitRow("DEAD", 1).get("last_error").toString())
        .startsWith("the queued transaction cannot be read");
    assertThat(committed).isEmpty();
  }

  @Test
  void aTransientFailureIsTriedAgainAfterTheBackoffThenStored() {
    store.set(Store.FAIL);
    send(QueuedSamples.acceptOnly("Q-1", "MRN-1", "20261215"));
    assertThat(awaitRow("PENDING", 1).get("last_error").toString())
        .contains("database unavailable");
    assertThat(committed).isEmpty();

    store.set(Store.OK);
    clock.advance(Duration.ofSeconds(5));

    awaitQueueEmpty();
    assertThat(committed).hasSize(1);
    assertThat(queue.counts()).containsEntry("PENDING", 0L).containsEntry("DEAD", 0L);
  }

  @Test
  void aHandoffThatKeepsFailingBecomesADeadLetterAfterMaxAttempts() {
    store.set(Store.FAIL);
    send(QueuedSamples.acceptOnly("Q-1", "MRN-1", "20261215"));
    awaitRow("PENDING", 1);
    clock.advance(Duration.ofMinutes(1));
    awaitRow("PENDING", 2);
    clock.advance(Duration.ofMinutes(1));
    awaitRow("DEAD", 3);

    assertThat(queue.deadLetters(10))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.attempts()).isEqualTo(3);
              assertThat(row.lastError())
                  .startsWith("not stored after 3 attempts")
                  .contains("database unavailable");
            });
  }

  @Test
  void aDrainerThatCannotReachTheQueueHasAnEmptyRoundAndCarriesOnWhenItIsBack() {
    JdbcTemplate jdbc = new JdbcTemplate(db);
    jdbc.execute("alter table continuum_handoff_queue rename to continuum_handoff_queue_gone");
    org.apache.camel.Exchange round = new org.apache.camel.support.DefaultExchange(context);

    assertThat(steps.claim(round)).isEmpty();
    assertThat(round.getProperty(HandoffQueueSteps.MORE, Boolean.class)).isFalse();

    jdbc.execute("alter table continuum_handoff_queue_gone rename to continuum_handoff_queue");
    send(QueuedSamples.acceptOnly("Q-1", "MRN-1", "20261215"));
    awaitQueueEmpty();
    assertThat(committed).hasSize(1);
  }

  @Test
  void whenTheQueueCannotBeWrittenTheSenderGetsCrAndNothingIsStored() {
    new JdbcTemplate(db)
        .execute("alter table continuum_handoff_queue rename to continuum_handoff_queue_gone");

    Hl7v2Acks ack = Hl7v2Acks.parse(send(QueuedSamples.acceptOnly("Q-1", "MRN-1", "20261215")));

    // A failure unrelated to the content: CR (HL7 table 0008), 207; the same message may be sent
    // again.
    assertThat(ack.get("/MSA-1")).isEqualTo("CR");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("207");
    assertThat(ack.get("/ERR-8")).contains("could not be queued");
    assertThat(committed).isEmpty();
    new JdbcTemplate(db)
        .execute("alter table continuum_handoff_queue_gone rename to continuum_handoff_queue");
  }
}
