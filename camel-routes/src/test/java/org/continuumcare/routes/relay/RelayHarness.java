package org.continuumcare.routes.relay;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Starts the relay as the gateway will: {@link RelayConfig} plus Camel's Spring Boot
 * auto-configuration, on a real PostgreSQL, with partners and resources from maps.
 */
final class RelayHarness {

  static final String PARTNER = "demo-treatment";
  static final String ENDPOINT = "ep-treatment";

  final DataSource db;
  final MutableClock clock;
  final InMemoryPartners partners = new InMemoryPartners();
  private final List<String> properties =
      new ArrayList<>(
          List.of(
              "continuum.relay.poll-interval=20ms",
              // The tests move a fake clock to make retries due: the poller must look often.
              "continuum.relay.idle-poll-max=100ms",
              "continuum.relay.backoff-base=10s",
              "continuum.relay.backoff-max=10m",
              "continuum.relay.jitter=0",
              "continuum.relay.connect-timeout=1s",
              "continuum.relay.read-timeout=2s",
              "continuum.relay.lease=30s",
              "camel.main.name=relay-test"));

  RelayHarness(DataSource db, MutableClock clock) {
    this.db = db;
    this.clock = clock;
  }

  RelayHarness with(String property) {
    properties.add(property);
    return this;
  }

  /** An active FHIR REST endpoint of the partner at {@code base}. */
  RelayHarness endpoint(String endpointId, String partnerId, String base, String... headers) {
    partners.put(
        new PartnerEndpoint(
            endpointId,
            partnerId,
            FhirRestAdapter.CONNECTION_TYPE,
            URI.create(base),
            List.of(headers),
            true));
    return this;
  }

  /** A ServiceRequest version the ResourceSource can give out. */
  RelayHarness referral(String id, long version) {
    ServiceRequest request = new ServiceRequest();
    request.setId("ServiceRequest/" + id + "/_history/" + version);
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setSubject(new Reference("Patient/p1"));
    request.addPerformer(new Reference("Organization/" + PARTNER));
    request.addNote().setText("version " + version);
    partners.put("ServiceRequest", id, version, request);
    return this;
  }

  ApplicationContextRunner runner(RecordingListener listener) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class))
        .withUserConfiguration(RelayConfig.class)
        .withBean(DataSource.class, () -> new DelegatingDataSource(db)) // the test closes the pool
        .withBean(java.time.Clock.class, () -> clock)
        .withBean(InMemoryPartners.class, () -> partners)
        .withBean(RecordingListener.class, () -> listener)
        .withPropertyValues(properties.toArray(String[]::new));
  }

  void run(RecordingListener listener, Consumer<AssertableApplicationContext> test) {
    runner(listener)
        .run(
            context -> {
              if (context.getStartupFailure() != null) {
                throw new AssertionError("relay did not start", context.getStartupFailure());
              }
              test.accept(context);
            });
  }
}
