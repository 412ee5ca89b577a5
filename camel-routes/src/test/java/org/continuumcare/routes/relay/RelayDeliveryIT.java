package org.continuumcare.routes.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class RelayDeliveryIT {

  private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
  private static final String CREATED =
      "{\"resourceType\":\"ServiceRequest\",\"id\":\"remote-1\","
          + "\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/x\"}}";
  private static final String BAD_REQUEST =
      "{\"resourceType\":\"OperationOutcome\",\"issue\":[{"
          + "\"severity\":\"error\",\"code\":\"processing\",\"diagnostics\":\"Unknown performer\"}]}";
  private static final Duration QUIET = Duration.ofMillis(400);

  private static WireMockServer partner;

  private HikariDataSource db;
  private MutableClock clock;
  private RelayHarness relay;
  private final RecordingListener attempts = new RecordingListener();

  @BeforeAll
  static void startPartner() {
    partner = new WireMockServer(options().dynamicPort());
    partner.start();
    // The first answer of a cold WireMock can take longer than the relay's read timeout.
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(partner.baseUrl() + "/warm-up")).build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("WireMock did not answer", e);
    }
  }

  @AfterAll
  static void stopPartner() {
    partner.stop();
  }

  @BeforeEach
  void setUp() {
    partner.resetAll();
    db = TestDatabases.freshPostgres();
    clock = new MutableClock(START);
    relay =
        new RelayHarness(db, clock)
            .endpoint(RelayHarness.ENDPOINT, RelayHarness.PARTNER, partner.baseUrl() + "/fhir");
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private static OutboxStore store(org.springframework.context.ApplicationContext context) {
    return context.getBean(OutboxStore.class);
  }

  private long queue(OutboxStore store, String id, long version) {
    relay.referral(id, version);
    store.enqueue(
        new NewDelivery(
            RelayHarness.PARTNER,
            RelayHarness.ENDPOINT,
            "ServiceRequest",
            id,
            version,
            "corr-" + id));
    return store.listForResource("ServiceRequest", id).stream()
        .filter(e -> e.resourceVersion() == version)
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static OutboxEntry awaitState(OutboxStore store, long id, OutboxState state) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> store.find(id).orElseThrow(), e -> e.state() == state);
  }

  private static void stub(int status, String body) {
    partner.stubFor(
        put(urlPathMatching("/fhir/ServiceRequest"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(body)));
  }

  private static void stubFirstThen(int firstStatus, String retryAfter, int thenStatus) {
    var first = aResponse().withStatus(firstStatus);
    if (retryAfter != null) {
      first = first.withHeader("Retry-After", retryAfter);
    }
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("recovered"));
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(CREATED)));
  }

  private static int requests() {
    return partner
        .countRequestsMatching(putRequestedFor(urlPathMatching("/fhir/.*")).build())
        .getCount();
  }

  /** Holds for a while: nothing more reaches the partner (a condition over time, not a sleep). */
  private static void assertStaysAt(int count) {
    await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> requests() == count);
  }

  @Test
  void deliveredOnceOn2xxAsConditionalUpdateWithIdempotencyAndRequestIds() {
    stub(201, CREATED);
    relay.run(
        attempts,
        context -> {
          assertThat(context.getBean(CamelContext.class).getRoute("relay-outbox-poll")).isNotNull();
          long id = queue(store(context), "sr1", 1);

          OutboxEntry done = awaitState(store(context), id, OutboxState.DELIVERED);
          assertStaysAt(1);

          assertThat(done.attempts()).isEqualTo(1);
          assertThat(done.lastStatus()).isEqualTo(201);
          LoggedRequest sent =
              partner.findAll(putRequestedFor(urlPathEqualTo("/fhir/ServiceRequest"))).get(0);
          assertThat(sent.queryParameter("identifier").firstValue())
              .isEqualTo(FhirRestAdapter.SOURCE_IDENTIFIER_SYSTEM + "|ServiceRequest/sr1");
          assertThat(sent.getHeader("Idempotency-Key"))
              .isEqualTo("ep-treatment:ServiceRequest/sr1/_history/1");
          assertThat(sent.getHeader("X-Request-ID")).isEqualTo("corr-sr1");
          assertThat(sent.getHeader("Content-Type")).startsWith("application/fhir+json");
          assertThat(sent.getBodyAsString())
              .contains("\"system\":\"" + FhirRestAdapter.SOURCE_IDENTIFIER_SYSTEM + "\"")
              .contains("version 1")
              .doesNotContain("\"id\"")
              .doesNotContain("versionId");
          assertThat(attempts.attempts())
              .singleElement()
              .satisfies(
                  a -> {
                    assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
                    assertThat(a.entry().attempts()).isEqualTo(1);
                    assertThat(a.status()).isEqualTo(201);
                  });
        });
  }

  @Test
  void retriedAfterBackoffOn503ThenDelivered() {
    stubFirstThen(503, null, 200);
    relay.run(
        attempts,
        context -> {
          long id = queue(store(context), "sr1", 1);

          OutboxEntry waiting =
              await()
                  .atMost(Duration.ofSeconds(15))
                  .until(
                      () -> store(context).find(id).orElseThrow(),
                      e -> e.state() == OutboxState.PENDING && e.attempts() == 1);
          assertThat(waiting.lastStatus()).isEqualTo(503);
          assertThat(waiting.nextAttemptAt()).isEqualTo(START.plusSeconds(10));
          assertStaysAt(1);

          clock.advance(Duration.ofSeconds(10));
          OutboxEntry done = awaitState(store(context), id, OutboxState.DELIVERED);

          assertThat(done.attempts()).isEqualTo(2);
          assertThat(requests()).isEqualTo(2);
          assertThat(attempts.attempts())
              .extracting(DeliveryAttempt::outcome)
              .containsExactly(DeliveryAttempt.Outcome.RETRY, DeliveryAttempt.Outcome.DELIVERED);
        });
  }

  @Test
  void tooManyRequestsWaitsForRetryAfterNotTheShorterBackoff() {
    stubFirstThen(429, "120", 200);
    relay.run(
        attempts,
        context -> {
          long id = queue(store(context), "sr1", 1);

          OutboxEntry waiting =
              await()
                  .atMost(Duration.ofSeconds(15))
                  .until(
                      () -> store(context).find(id).orElseThrow(),
                      e -> e.attempts() == 1 && e.state() == OutboxState.PENDING);
          assertThat(waiting.nextAttemptAt()).isEqualTo(START.plusSeconds(120));
          assertThat(waiting.lastStatus()).isEqualTo(429);

          clock.advance(Duration.ofSeconds(60));
          assertStaysAt(1);
          clock.advance(Duration.ofSeconds(60));
          awaitState(store(context), id, OutboxState.DELIVERED);
          assertThat(requests()).isEqualTo(2);
        });
  }

  @Test
  void badRequestIsDeadLetteredWithItsReasonAndNeverRetried() {
    stub(400, BAD_REQUEST);
    relay.run(
        attempts,
        context -> {
          long id = queue(store(context), "sr1", 1);

          OutboxEntry dead = awaitState(store(context), id, OutboxState.DEAD);
          clock.advance(Duration.ofHours(2));
          assertStaysAt(1);

          assertThat(dead.attempts()).isEqualTo(1);
          assertThat(dead.lastStatus()).isEqualTo(400);
          assertThat(dead.lastError()).isEqualTo("HTTP 400: Unknown performer");
          assertThat(attempts.attempts())
              .singleElement()
              .extracting(DeliveryAttempt::outcome)
              .isEqualTo(DeliveryAttempt.Outcome.DEAD);
        });
  }

  @Test
  void deadLetterReplayedAfterThePartnerIsFixedIsDeliveredWithTheSameKey() {
    stub(400, BAD_REQUEST);
    relay.run(
        attempts,
        context -> {
          long id = queue(store(context), "sr1", 1);
          awaitState(store(context), id, OutboxState.DEAD);

          partner.resetMappings();
          stub(200, CREATED);
          assertThat(store(context).replay(RelayHarness.PARTNER, id)).isTrue();

          OutboxEntry done = awaitState(store(context), id, OutboxState.DELIVERED);
          assertThat(done.attempts()).isEqualTo(1);
          assertThat(partner.findAll(putRequestedFor(urlPathEqualTo("/fhir/ServiceRequest"))))
              .extracting(r -> r.getHeader("Idempotency-Key"))
              .containsExactly(
                  "ep-treatment:ServiceRequest/sr1/_history/1",
                  "ep-treatment:ServiceRequest/sr1/_history/1");
        });
  }

  @Test
  void retryThatGetsThroughMakesTheEndpointsOtherWaitingRetriesDueAtOnce() {
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503)));
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          long first = queue(store, "sr1", 1);
          long second = queue(store, "sr2", 1);
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> List.of(store.find(first).orElseThrow(), store.find(second).orElseThrow()),
                  rows ->
                      rows.stream()
                          .allMatch(e -> e.state() == OutboxState.PENDING && e.attempts() == 1));
          // sr2 is due later than sr1 (backoff 10 s, no jitter; the clock only moves when told to)
          new JdbcTemplate(db)
              .update(
                  "update continuum_outbox set next_attempt_at = ? where id = ?",
                  java.sql.Timestamp.from(START.plus(Duration.ofHours(1))),
                  second);
          partner.stubFor(
              put(urlPathEqualTo("/fhir/ServiceRequest"))
                  .inScenario("outage")
                  .whenScenarioStateIs("over")
                  .willReturn(
                      aResponse()
                          .withStatus(200)
                          .withHeader("Content-Type", "application/fhir+json")
                          .withBody(CREATED)));
          partner.setScenarioState("outage", "over");

          clock.advance(Duration.ofSeconds(11)); // sr1's retry is due; sr2's is an hour away
          awaitState(store, first, OutboxState.DELIVERED);

          OutboxEntry expedited = awaitState(store, second, OutboxState.DELIVERED);
          assertThat(expedited.attempts()).isEqualTo(2);
        });
  }

  @Test
  void auditTrailBehindItsLimitPausesClaimsUntilTheJournalIsDrained() {
    stub(200, CREATED);
    relay
        .with("continuum.relay.audit-backlog-limit=1")
        .run(
            attempts,
            context -> {
              OutboxStore store = store(context);
              long first = queue(store, "sr1", 1);
              awaitState(store, first, OutboxState.DELIVERED);
              assertThat(store.journalBacklog())
                  .isEqualTo(1); // nothing drains the journal in this test

              long second = queue(store, "sr2", 1);
              assertStaysAt(1);
              assertThat(store.find(second).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

              store.forgetJournaled(store.lockJournal(10)); // what the gateway's audit trail does
              awaitState(store, second, OutboxState.DELIVERED);
              assertThat(requests()).isEqualTo(2);
            });
  }

  @Test
  void transientFailuresBecomeADeadLetterWhenTheOptionalAttemptCapIsReached() {
    stub(503, "");
    relay
        .with("continuum.relay.max-attempts=3")
        .run(
            attempts,
            context -> {
              long id = queue(store(context), "sr1", 1);
              for (int attempt = 1; attempt < 3; attempt++) {
                int made = attempt;
                await()
                    .atMost(Duration.ofSeconds(15))
                    .until(
                        () -> store(context).find(id).orElseThrow(),
                        e -> e.attempts() == made && e.state() == OutboxState.PENDING);
                clock.advance(Duration.ofMinutes(10));
              }

              OutboxEntry dead = awaitState(store(context), id, OutboxState.DEAD);
              assertThat(dead.attempts()).isEqualTo(3);
              assertThat(dead.lastError()).isEqualTo("gave up after 3 attempts: HTTP 503");
              assertThat(requests()).isEqualTo(3);
            });
  }

  @Test
  void versionsOfOneResourceArriveInOrderEvenWhenTheFirstNeedsARetry() {
    stubFirstThen(503, null, 200);
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          long v1 = queue(store, "sr1", 1);
          queue(store, "sr1", 2);
          long v3 = queue(store, "sr1", 3);

          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> store.find(v1).orElseThrow(),
                  e -> e.attempts() == 1 && e.state() == OutboxState.PENDING);
          assertStaysAt(1);
          clock.advance(Duration.ofSeconds(10));
          awaitState(store, v3, OutboxState.DELIVERED);

          List<String> keys =
              partner.getAllServeEvents().stream()
                  .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                  .map(e -> e.getRequest().getHeader("Idempotency-Key"))
                  .toList();
          assertThat(keys)
              .containsExactly(
                  "ep-treatment:ServiceRequest/sr1/_history/1",
                  "ep-treatment:ServiceRequest/sr1/_history/1",
                  "ep-treatment:ServiceRequest/sr1/_history/2",
                  "ep-treatment:ServiceRequest/sr1/_history/3");
        });
  }

  @Test
  void hangingPartnerTimesOutWithoutStallingOtherDeliveries() {
    relay.endpoint("ep-slow", "demo-slow", partner.baseUrl() + "/slow/fhir");
    partner.stubFor(
        put(urlPathMatching("/slow/fhir/.*"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
    stub(200, CREATED);
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          relay.referral("slow1", 1);
          store.enqueue(
              new NewDelivery("demo-slow", "ep-slow", "ServiceRequest", "slow1", 1, null));
          long slow = store.listForResource("ServiceRequest", "slow1").get(0).id();
          long fast = queue(store, "fast1", 1);

          awaitState(store, fast, OutboxState.DELIVERED);
          OutboxEntry timedOut =
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(
                      () -> store.find(slow).orElseThrow(),
                      e -> e.state() == OutboxState.PENDING && e.attempts() == 1);

          assertThat(timedOut.lastError()).startsWith("timeout");
          // listeners hear of an attempt just after its outcome is stored
          await()
              .atMost(Duration.ofSeconds(5))
              .untilAsserted(
                  () ->
                      assertThat(attempts.attempts())
                          .filteredOn(a -> a.entry().id() == slow)
                          .singleElement()
                          .satisfies(
                              a -> assertThat(a.duration()).isLessThan(Duration.ofSeconds(4))));
        });
  }

  @Test
  void nextPollWaitsForTheBatchSoClaimedRowsNeverQueueBeyondOneBatch() {
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(150)));
    relay.with("continuum.relay.batch-size=2").with("continuum.relay.concurrency=1");
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          for (int i = 0; i < 8; i++) {
            queue(store, "sr" + i, 1);
          }
          AtomicInteger maxInFlight = new AtomicInteger();
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> {
                    Map<OutboxState, Long> counts =
                        store.countsByPartner().getOrDefault(RelayHarness.PARTNER, Map.of());
                    maxInFlight.accumulateAndGet(
                        counts.getOrDefault(OutboxState.IN_FLIGHT, 0L).intValue(), Math::max);
                    return counts.getOrDefault(OutboxState.DELIVERED, 0L) == 8;
                  });

          assertThat(maxInFlight.get()).isPositive().isLessThanOrEqualTo(2);
          assertThat(requests()).isEqualTo(8);
        });
  }

  @Test
  void garbageAnswerIsADeadLetterEvenWith2xx() {
    stub(200, "<html>proxy error page</html>");
    relay.run(
        attempts,
        context -> {
          long id = queue(store(context), "sr1", 1);

          assertThat(awaitState(store(context), id, OutboxState.DEAD).lastError())
              .isEqualTo("HTTP 200 with a body that is not a FHIR resource");
        });
  }

  @Test
  void redirectIsNotFollowedButDeadLettered() {
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "http://elsewhere.invalid/fhir")));
    relay.run(
        attempts,
        context -> {
          long id = queue(store(context), "sr1", 1);

          assertThat(awaitState(store(context), id, OutboxState.DEAD).lastError())
              .startsWith("redirect not followed: HTTP 302");
          assertThat(requests()).isEqualTo(1);
        });
  }

  @Test
  void unknownEndpointIsADeadLetterNamingIt() {
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          relay.referral("sr1", 1);
          store.enqueue(new NewDelivery("demo-gone", "ep-gone", "ServiceRequest", "sr1", 1, null));
          long id = store.listForResource("ServiceRequest", "sr1").get(0).id();

          assertThat(awaitState(store, id, OutboxState.DEAD).lastError())
              .isEqualTo("endpoint ep-gone does not exist");
        });
  }

  @Test
  void partnerWithOAuth2GetsABearerTokenFetchedWithClientCredentials() {
    partner.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\"tok-123\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    stub(201, CREATED);
    relay
        .with(
            "continuum.relay.partners.demo-treatment.oauth2.token-uri="
                + partner.baseUrl()
                + "/token")
        .with("continuum.relay.partners.demo-treatment.oauth2.client-id=continuum")
        .with("continuum.relay.partners.demo-treatment.oauth2.client-secret=s3cret")
        .with("continuum.relay.partners.demo-treatment.oauth2.scope=system/*.write")
        .endpoint(
            RelayHarness.ENDPOINT,
            RelayHarness.PARTNER,
            partner.baseUrl() + "/fhir",
            "X-Partner-Tenant: north");
    relay.run(
        attempts,
        context -> {
          long first = queue(store(context), "sr1", 1);
          awaitState(store(context), first, OutboxState.DELIVERED);
          long second = queue(store(context), "sr2", 1);
          awaitState(store(context), second, OutboxState.DELIVERED);

          assertThat(partner.findAll(putRequestedFor(urlPathEqualTo("/fhir/ServiceRequest"))))
              .allSatisfy(
                  r -> {
                    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-123");
                    assertThat(r.getHeader("X-Partner-Tenant")).isEqualTo("north");
                  });
          partner.verify(
              1,
              postRequestedFor(urlPathEqualTo("/token"))
                  .withHeader("Authorization", equalTo("Basic Y29udGludXVtOnMzY3JldA=="))
                  .withRequestBody(
                      equalTo("grant_type=client_credentials&scope=system%2F*.write")));
        });
  }

  @Test
  void misconfiguredRuleFailsStartupNamingTheRule() {
    relay
        .with("continuum.relay.rules[0].name=housing-referrals")
        .with("continuum.relay.rules[0].resource-type=ServiceRequest")
        .with("continuum.relay.rules[0].partner-path=ServiceRequest.owner");
    relay
        .runner(attempts)
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidRelayConfigurationException.class)
                    .hasMessageContaining("continuum.relay.rules[0] (housing-referrals)")
                    .hasMessageContaining(
                        "'ServiceRequest.owner' is not an element of ServiceRequest"));
  }

  @Test
  void disclosureGateHoldParksTheRowUntilReleasedThenItIsDelivered() {
    stub(200, CREATED);
    java.util.concurrent.atomic.AtomicReference<DisclosureGate.Decision> decision =
        new java.util.concurrent.atomic.AtomicReference<>(
            DisclosureGate.Decision.hold("no consent on file for this disclosure"));
    DisclosureGate gate = delivery -> decision.get();
    relay
        .runner(attempts)
        .withBean(DisclosureGate.class, () -> gate)
        .run(
            context -> {
              OutboxStore store = store(context);
              long id = queue(store, "sr1", 1);

              OutboxEntry held = awaitState(store, id, OutboxState.HELD);
              assertThat(held.lastError()).isEqualTo("no consent on file for this disclosure");
              assertThat(held.attempts()).isZero();
              assertThat(held.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
              assertStaysAt(0);
              assertThat(attempts.attempts())
                  .singleElement()
                  .satisfies(
                      a -> {
                        assertThat(a.outcome()).isEqualTo(DeliveryAttempt.Outcome.HELD);
                        assertThat(a.reason()).isEqualTo("no consent on file for this disclosure");
                      });

              decision.set(DisclosureGate.Decision.PERMIT);
              assertThat(store.releaseHeld(HeldSelection.resource("ServiceRequest", "sr1")))
                  .isEqualTo(1);

              OutboxEntry done = awaitState(store, id, OutboxState.DELIVERED);
              assertThat(done.attempts()).isEqualTo(1);
              assertThat(requests()).isEqualTo(1);
            });
  }

  @Test
  void releaseArrivingWhileTheGateDecidesIsNotLeftForTheRecheck() {
    stub(200, CREATED);
    java.util.concurrent.atomic.AtomicInteger checks =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<OutboxStore> outbox =
        new java.util.concurrent.atomic.AtomicReference<>();
    // First check: the gate has read "no consent"; the consent commits and releases the
    // patient's held rows before the hold is stored. Every later check sees the consent.
    DisclosureGate gate =
        delivery -> {
          if (checks.incrementAndGet() == 1) {
            outbox.get().releaseHeld(HeldSelection.resource("ServiceRequest", "sr1"));
            return DisclosureGate.Decision.hold("no consent on file for this disclosure");
          }
          return DisclosureGate.Decision.PERMIT;
        };
    relay
        .runner(attempts)
        .withBean(DisclosureGate.class, () -> gate)
        .run(
            context -> {
              outbox.set(store(context));
              long id = queue(store(context), "sr1", 1);

              // the clock stands still: only the release, not the 5-minute re-check, can deliver it
              OutboxEntry done = awaitState(store(context), id, OutboxState.DELIVERED);
              assertThat(checks).hasValue(2);
              assertThat(done.attempts()).isEqualTo(1);
              assertThat(requests()).isEqualTo(1);
              assertThat(attempts.attempts())
                  .extracting(DeliveryAttempt::outcome)
                  .containsExactly(DeliveryAttempt.Outcome.HELD, DeliveryAttempt.Outcome.DELIVERED);
            });
  }

  @Test
  void assembledPayloadIsSentInPlaceOfTheGatedResourceUnderTheRoutedResourcesIdentifier() {
    partner.stubFor(put(urlPathEqualTo("/fhir/Bundle")).willReturn(aResponse().withStatus(201)));
    List<String> gated = new java.util.concurrent.CopyOnWriteArrayList<>();
    DisclosureGate gate =
        delivery -> {
          gated.add(delivery.resource().getClass().getSimpleName());
          return DisclosureGate.Decision.PERMIT;
        };
    PayloadAssembler documents =
        (entry, resource) -> {
          org.hl7.fhir.r4.model.Bundle document =
              new org.hl7.fhir.r4.model.Bundle()
                  .setType(org.hl7.fhir.r4.model.Bundle.BundleType.DOCUMENT);
          document
              .addEntry()
              .setFullUrl(
                  "urn:uuid:"
                      + java.util.UUID.nameUUIDFromBytes(
                          entry
                              .versionedReference()
                              .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .setResource((org.hl7.fhir.r4.model.Resource) resource);
          return java.util.Optional.of(document);
        };
    relay
        .runner(attempts)
        .withBean(DisclosureGate.class, () -> gate)
        .withBean(PayloadAssembler.class, () -> documents)
        .run(
            context -> {
              long id = queue(store(context), "sr1", 1);

              awaitState(store(context), id, OutboxState.DELIVERED);
              assertThat(gated).containsExactly("ServiceRequest");
              List<LoggedRequest> sent =
                  partner.findAll(putRequestedFor(urlPathMatching("/fhir/.*")));
              assertThat(sent)
                  .singleElement()
                  .satisfies(
                      request -> {
                        assertThat(request.getUrl())
                            .isEqualTo(
                                "/fhir/Bundle?identifier="
                                    + java.net.URLEncoder.encode(
                                        FhirRestAdapter.SOURCE_IDENTIFIER_SYSTEM
                                            + "|ServiceRequest/sr1",
                                        java.nio.charset.StandardCharsets.UTF_8));
                        org.hl7.fhir.r4.model.Bundle body =
                            ca.uhn.fhir.context.FhirContext.forR4Cached()
                                .newJsonParser()
                                .parseResource(
                                    org.hl7.fhir.r4.model.Bundle.class, request.getBodyAsString());
                        assertThat(body.getType())
                            .isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.DOCUMENT);
                        assertThat(body.getIdentifier().getValue()).isEqualTo("ServiceRequest/sr1");
                        assertThat(body.getEntryFirstRep().getResource().fhirType())
                            .isEqualTo("ServiceRequest");
                      });
            });
  }

  @Test
  void assemblerThatFailsUnexpectedlyMakesTheAttemptARetryNotADeadLetter() {
    PayloadAssembler broken =
        (entry, resource) -> {
          throw new IllegalStateException("store unavailable");
        };
    relay
        .runner(attempts)
        .withBean(PayloadAssembler.class, () -> broken)
        .run(
            context -> {
              long id = queue(store(context), "sr1", 1);

              OutboxEntry retrying =
                  await()
                      .atMost(Duration.ofSeconds(15))
                      .until(
                          () -> store(context).find(id).orElseThrow(),
                          e -> e.attempts() == 1 && e.state() == OutboxState.PENDING);
              assertThat(retrying.lastError())
                  .contains("payload assembler failed")
                  .contains("IllegalStateException");
              assertStaysAt(0);
            });
  }

  @Test
  void heldRowIsCheckedAgainAfterTheRecheckIntervalWithoutARelease() {
    stub(200, CREATED);
    java.util.concurrent.atomic.AtomicInteger checks =
        new java.util.concurrent.atomic.AtomicInteger();
    DisclosureGate gate =
        delivery ->
            checks.incrementAndGet() == 1
                ? DisclosureGate.Decision.hold("consent pending")
                : DisclosureGate.Decision.PERMIT;
    relay
        .with("continuum.relay.held-recheck=2m")
        .runner(attempts)
        .withBean(DisclosureGate.class, () -> gate)
        .run(
            context -> {
              long id = queue(store(context), "sr1", 1);
              awaitState(store(context), id, OutboxState.HELD);
              clock.advance(Duration.ofSeconds(119));
              assertStaysAt(0);

              clock.advance(Duration.ofSeconds(1));
              awaitState(store(context), id, OutboxState.DELIVERED);
              assertThat(checks).hasValue(2);
            });
  }

  @Test
  void transientFailuresKeepRetryingUntilTheFirstFailedAttemptIsOlderThanTheHorizon() {
    stub(503, "");
    relay
        .with("continuum.relay.retry-horizon=1h")
        .run(
            attempts,
            context -> {
              long id = queue(store(context), "sr1", 1);
              // backoff 10 s doubling; the clock jumps 10 min after each failure: attempt k at
              // (k-1)*10 min
              for (int attempt = 1; attempt <= 6; attempt++) {
                int made = attempt;
                await()
                    .atMost(Duration.ofSeconds(15))
                    .until(
                        () -> store(context).find(id).orElseThrow(),
                        e -> e.attempts() == made && e.state() == OutboxState.PENDING);
                clock.advance(Duration.ofMinutes(10));
              }

              OutboxEntry dead = awaitState(store(context), id, OutboxState.DEAD);
              assertThat(dead.attempts()).isEqualTo(7);
              assertThat(dead.firstAttemptAt()).isEqualTo(START);
              assertThat(dead.lastError())
                  .isEqualTo("gave up after 7 attempts over PT1H (retry horizon):" + " HTTP 503");
            });
  }

  @Test
  void retryAfterAnswersDoNotSpendTheAttemptCap() {
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    relay
        .with("continuum.relay.max-attempts=1")
        .run(
            attempts,
            context -> {
              long id = queue(store(context), "sr1", 1);
              for (int attempt = 1; attempt <= 3; attempt++) {
                int made = attempt;
                await()
                    .atMost(Duration.ofSeconds(15))
                    .until(
                        () -> store(context).find(id).orElseThrow(),
                        e -> e.attempts() == made && e.state() == OutboxState.PENDING);
                clock.advance(Duration.ofSeconds(60));
                if (attempt == 3) {
                  partner.resetMappings();
                  stub(200, CREATED);
                }
              }

              OutboxEntry done = awaitState(store(context), id, OutboxState.DELIVERED);
              assertThat(done.attempts()).isEqualTo(4);
              assertThat(done.throttled()).isEqualTo(3);
            });
  }

  @Test
  void deliveryWithoutAnEndpointIsAVisibleDeadLetterDeliveredOnReplayOnceTheEndpointExists() {
    stub(200, CREATED);
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          relay.referral("sr-late", 1);
          String reason = DeliveryCoordinator.unroutableReason(null, "demo-late");
          assertThat(
                  store.enqueueUnroutable(
                      new NewDelivery(
                          "demo-late",
                          OutboxStore.UNROUTED_PREFIX + "*",
                          "ServiceRequest",
                          "sr-late",
                          1,
                          null),
                      reason))
              .isTrue();
          OutboxEntry dead = store.listForResource("ServiceRequest", "sr-late").get(0);
          assertThat(dead.state()).isEqualTo(OutboxState.DEAD);
          assertThat(dead.lastError())
              .isEqualTo("no endpoint of type (any supported) for" + " Organization/demo-late");

          assertThat(store.replay("demo-late", dead.id())).isTrue();
          assertThat(awaitState(store, dead.id(), OutboxState.DEAD).lastError())
              .as("still no endpoint")
              .isEqualTo(reason);

          relay.endpoint("ep-late", "demo-late", partner.baseUrl() + "/fhir");
          assertThat(store.replay("demo-late", dead.id())).isTrue();
          OutboxEntry delivered = awaitState(store, dead.id(), OutboxState.DELIVERED);
          assertThat(requests()).isEqualTo(1);
          assertThat(delivered.endpointId()).as("routed at the attempt").isEqualTo("ep-late");
          assertThat(delivered.idempotencyKey())
              .isEqualTo("ep-late:ServiceRequest/sr-late/_history/1");
          assertThat(
                  partner
                      .findAll(putRequestedFor(urlPathEqualTo("/fhir/ServiceRequest")))
                      .get(0)
                      .getHeader("Idempotency-Key"))
              .isEqualTo(delivered.idempotencyKey());
          assertThat(attempts.attempts())
              .last()
              .satisfies(a -> assertThat(a.entry().endpointId()).isEqualTo("ep-late"));
        });
  }

  @Test
  void deadLetterRoutedBeforeReplayIsSupersededByANewerVersionAlreadyDeliveredToTheNewEndpoint() {
    stub(200, CREATED);
    relay.run(
        attempts,
        context -> {
          OutboxStore store = store(context);
          DeliveryCoordinator coordinator = context.getBean(DeliveryCoordinator.class);
          relay.referral("sr-gap", 1).referral("sr-gap", 2);
          store.enqueueUnroutable(
              new NewDelivery(
                  "demo-gap",
                  OutboxStore.UNROUTED_PREFIX + "*",
                  "ServiceRequest",
                  "sr-gap",
                  1,
                  null),
              DeliveryCoordinator.unroutableReason(null, "demo-gap"));
          long v1 = store.listForResource("ServiceRequest", "sr-gap").get(0).id();
          assertThat(coordinator.routeDeadLetters("demo-gap")).as("no endpoint yet").isZero();

          relay.endpoint("ep-gap", "demo-gap", partner.baseUrl() + "/fhir");
          store.enqueue(new NewDelivery("demo-gap", "ep-gap", "ServiceRequest", "sr-gap", 2, null));
          long v2 = store.listForResource("ServiceRequest", "sr-gap").get(1).id();
          awaitState(store, v2, OutboxState.DELIVERED);

          assertThat(coordinator.routeDeadLetters("demo-gap")).isEqualTo(1);
          assertThat(store.find(v1).orElseThrow().endpointId()).isEqualTo("ep-gap");
          assertThat(store.replay("demo-gap", v1))
              .as("version 1 would overwrite version 2 at the partner")
              .isFalse();
          assertThat(store.find(v1).orElseThrow().state()).isEqualTo(OutboxState.DEAD);
          assertThat(requests()).isEqualTo(1);
        });
  }
}
