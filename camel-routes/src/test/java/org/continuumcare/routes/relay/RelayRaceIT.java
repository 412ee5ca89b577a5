package org.continuumcare.routes.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two relay instances (two Spring + Camel contexts) share one PostgreSQL outbox. */
class RelayRaceIT {

  private static final int RESOURCES = 150;
  private static final int VERSIONS = 2;

  private WireMockServer partner;
  private HikariDataSource db;

  @BeforeEach
  void setUp() {
    partner = new WireMockServer(options().dynamicPort().containerThreads(40));
    partner.start();
    partner.stubFor(
        put(urlPathEqualTo("/fhir/ServiceRequest"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(5)));
    db = TestDatabases.freshPostgres();
  }

  @AfterEach
  void tearDown() {
    partner.stop();
    db.close();
  }

  @Test
  void twoInstancesRacingOnTheSameRowsDeliverEachExactlyOnceAndInVersionOrder() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    RelayHarness first = harness(clock);
    RelayHarness second = harness(clock);
    RecordingListener firstAttempts = new RecordingListener();
    RecordingListener secondAttempts = new RecordingListener();

    first.run(
        firstAttempts,
        one ->
            second.run(
                secondAttempts,
                two -> {
                  OutboxStore store = one.getBean(OutboxStore.class);
                  for (int v = 1; v <= VERSIONS; v++) {
                    for (int i = 0; i < RESOURCES; i++) {
                      first.referral("sr" + i, v);
                      second.referral("sr" + i, v);
                      store.enqueue(
                          new NewDelivery(
                              RelayHarness.PARTNER,
                              RelayHarness.ENDPOINT,
                              "ServiceRequest",
                              "sr" + i,
                              v,
                              null));
                    }
                  }

                  await()
                      .atMost(Duration.ofSeconds(90))
                      .until(
                          () ->
                              store
                                      .countsByPartner()
                                      .getOrDefault(RelayHarness.PARTNER, Map.of())
                                      .getOrDefault(OutboxState.DELIVERED, 0L)
                                  == RESOURCES * VERSIONS);
                }));

    List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = partner.getAllServeEvents();
    Map<String, Long> perKey =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.getRequest().getHeader("Idempotency-Key"), Collectors.counting()));
    assertThat(perKey).hasSize(RESOURCES * VERSIONS);
    assertThat(perKey.values()).allMatch(n -> n == 1L);
    assertThat(firstAttempts.attempts()).as("first instance delivered some").isNotEmpty();
    assertThat(secondAttempts.attempts()).as("second instance delivered some").isNotEmpty();
    assertThat(firstAttempts.attempts().size() + secondAttempts.attempts().size())
        .isEqualTo(RESOURCES * VERSIONS);

    Map<String, Instant> arrival =
        events.stream()
            .collect(
                Collectors.toMap(
                    e -> e.getRequest().getHeader("Idempotency-Key"),
                    e -> e.getRequest().getLoggedDate().toInstant(),
                    (a, b) -> a));
    for (int i = 0; i < RESOURCES; i++) {
      String key = "ep-treatment:ServiceRequest/sr" + i + "/_history/";
      assertThat(arrival.get(key + 1)).as(key).isBeforeOrEqualTo(arrival.get(key + 2));
    }
  }

  private RelayHarness harness(MutableClock clock) {
    return new RelayHarness(db, clock)
        .with("continuum.relay.batch-size=10")
        .with("continuum.relay.concurrency=4")
        .endpoint(RelayHarness.ENDPOINT, RelayHarness.PARTNER, partner.baseUrl() + "/fhir");
  }
}
