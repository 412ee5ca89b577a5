package org.continuumcare.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.routes.relay.PartnerDirectory;
import org.continuumcare.routes.relay.PartnerEndpoint;
import org.continuumcare.routes.relay.RelayProperties;
import org.continuumcare.routes.relay.RelayWakeup;
import org.continuumcare.routes.relay.RoutingRules;
import org.h2.jdbcx.JdbcDataSource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class RelayOutboxInterceptorTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String PARTNER = "demo-treatment";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final OutboxStore outbox = new OutboxStore(h2(), clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** The partner has one FHIR REST Endpoint, as the demo Organizations do. */
  private final PartnerDirectory directory =
      new PartnerDirectory() {
        private final PartnerEndpoint endpoint =
            new PartnerEndpoint(
                PARTNER + "-endpoint",
                PARTNER,
                "hl7-fhir-rest",
                URI.create("http://127.0.0.1:9101/fhir"),
                List.of(),
                true);

        @Override
        public Optional<PartnerEndpoint> endpoint(String endpointId) {
          return Optional.of(endpoint).filter(e -> e.endpointId().equals(endpointId));
        }

        @Override
        public List<PartnerEndpoint> endpointsOf(String organizationId) {
          return PARTNER.equals(organizationId) ? List.of(endpoint) : List.of();
        }
      };

  private final RelayOutboxInterceptor interceptor =
      new RelayOutboxInterceptor(
          FHIR,
          RoutingRules.compile(
              FHIR,
              List.of(
                  new RelayProperties.Rule(
                      "referral-task-to-owner", "Task", null, null, "Task.owner", null))),
          directory,
          Set.of("hl7-fhir-rest"),
          outbox,
          new RelayMetrics(registry, outbox, clock),
          List.of(),
          new RelayWakeup());

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:mem:relay-outbox-interceptor-"
            + DATABASES.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1");
    new ContinuumSchemaMigrator(h2).migrate();
    return h2;
  }

  private static Task task(String id, long version) {
    Task task = new Task().setOwner(new Reference("Organization/" + PARTNER));
    task.setId("Task/" + id + "/_history/" + version);
    return task;
  }

  @Test
  void aVersionAlreadyQueuedForThePartnersEndpointIsNotADeadLetter() {
    // Two writers of the same Task version (the loser of the race rolls back later): the second
    // finds the version already queued, which says nothing about the partner's Endpoints.
    interceptor.updated(task("t1", 1), task("t1", 2), null);
    interceptor.updated(task("t1", 1), task("t1", 2), null);

    List<OutboxEntry> rows = outbox.listForResource("Task", "t1");
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.state()).isEqualTo(OutboxState.PENDING);
              assertThat(row.endpointId()).isEqualTo(PARTNER + "-endpoint");
            });
    assertThat(registry.find("continuum.relay.unroutable").counters()).isEmpty();
  }

  @Test
  void aPartnerWithoutAUsableEndpointStillGetsADeadLetterNamingWhy() {
    Task task = task("t2", 1).setOwner(new Reference("Organization/no-such-partner"));

    interceptor.created(task, null);

    assertThat(outbox.listForResource("Task", "t2"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.state()).isEqualTo(OutboxState.DEAD);
              assertThat(row.lastError())
                  .isEqualTo(
                      "no endpoint of type (any supported) for Organization/no-such-partner");
            });
    assertThat(outbox.countsByPartner())
        .containsEntry("no-such-partner", Map.of(OutboxState.DEAD, 1L));
  }
}
