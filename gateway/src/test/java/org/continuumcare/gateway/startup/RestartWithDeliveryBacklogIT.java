package org.continuumcare.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.continuumcare.gateway.ContinuumGatewayApplication;
import org.continuumcare.gateway.support.EmbeddedPostgresDatabase;
import org.continuumcare.gateway.support.PartnerEndpoints;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart with SUD referrals waiting to be relayed and far fewer database connections than relay
 * delivery threads: the gateway becomes ready, no delivery is attempted before it is, and every
 * waiting delivery then passes the consent gate (each one searches Consents). Its own gateway on
 * its own database, started twice (the first run leaves the backlog), so it does not share the
 * suite's context.
 */
class RestartWithDeliveryBacklogIT {

  private static final int BACKLOG = 96;
  private static final int CONNECTIONS = 8;
  private static final String UNTOUCHED =
      "select count(*) from continuum_outbox"
          + " where state = 'PENDING' and attempts = 0 and lease_token is null";

  @Test
  void restartsReadyWithABacklogLargerThanThePoolAndThenWorksThroughIt() {
    String database = "backlog_" + UUID.randomUUID().toString().replace("-", "");
    createDatabase(database);
    String url = EmbeddedPostgresDatabase.server().getJdbcUrl("postgres", database);

    // First run: the outbox poller waits an hour, so the referrals stay queued.
    try (ConfigurableApplicationContext first =
        gateway().run(arguments(url, "--continuum.relay.poll-interval=1h"))) {
      leaveSudReferrals(first.getBean(DaoRegistry.class));
    }

    AtomicLong untouchedWhenReady = new AtomicLong(-1);
    try (ConfigurableApplicationContext second =
        gateway()
            .listeners(new CountUntouchedWhenReady(untouchedWhenReady))
            .run(
                arguments(
                    url,
                    "--spring.datasource.hikari.maximum-pool-size=" + CONNECTIONS,
                    "--continuum.relay.concurrency=64"))) {
      assertThat(untouchedWhenReady.get())
          .as("deliveries untouched when the gateway became ready")
          .isEqualTo(BACKLOG);
      JdbcTemplate jdbc = new JdbcTemplate(second.getBean(DataSource.class));
      await()
          .atMost(Duration.ofMinutes(3))
          .untilAsserted(
              () ->
                  assertThat(
                          jdbc.queryForObject(
                              "select count(*) from continuum_outbox where state = 'HELD'",
                              Long.class))
                      .isEqualTo(BACKLOG));
    }
  }

  private static SpringApplicationBuilder gateway() {
    return new SpringApplicationBuilder(ContinuumGatewayApplication.class).profiles("postgres");
  }

  private static String[] arguments(String url, String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--continuum.prison.mllp-port=" + freePort(),
                "--continuum.data-dir=target/it-data-backlog",
                "--continuum.measures.schedule.enabled=false",
                "--continuum.security.dev-issuer.enabled=true",
                "--continuum.security.dev-issuer.force=true",
                "--continuum.security.dev-issuer.issuer=http://continuum.test",
                "--camel.main.shutdown-timeout=2"));
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }

  private static void leaveSudReferrals(DaoRegistry daos) {
    SystemRequestDetails system = new SystemRequestDetails();
    Organization prison = new Organization().setName("demo-prison");
    prison.setId("demo-prison");
    daos.getResourceDao(Organization.class).update(prison, system);
    String partner =
        daos.getResourceDao(Organization.class)
            .create(new Organization().setName("Treatment partner"), system)
            .getId()
            .getIdPart();
    Endpoint endpoint =
        PartnerEndpoints.fhirRest(partner, "http://127.0.0.1:" + freePort() + "/fhir");
    daos.getResourceDao(Endpoint.class).create(endpoint, system);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem("urn:continuum:test:backlog").setValue("p");
    String patientId =
        daos.getResourceDao(Patient.class).create(patient, system).getId().getIdPart();
    for (int i = 0; i < BACKLOG; i++) {
      ServiceRequest referral =
          new ServiceRequest()
              .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
              .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
              .setSubject(new Reference("Patient/" + patientId))
              .setRequester(new Reference("Organization/demo-prison"));
      referral.addPerformer(new Reference("Organization/" + partner));
      referral.addCategory(
          new CodeableConcept(
              new Coding(
                  "https://continuumcare.org/fhir/CodeSystem/referral-category",
                  "moud-continuation",
                  null)));
      daos.getResourceDao(ServiceRequest.class).create(referral, system);
    }
  }

  /** Counts untouched deliveries when the application is ready, before any other listener runs. */
  private record CountUntouchedWhenReady(AtomicLong untouched)
      implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
      JdbcTemplate jdbc = new JdbcTemplate(event.getApplicationContext().getBean(DataSource.class));
      untouched.set(jdbc.queryForObject(UNTOUCHED, Long.class));
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  private static void createDatabase(String name) {
    try (Connection connection =
            EmbeddedPostgresDatabase.server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
