package org.continuumcare.routes.relay;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the relay. The importing application provides a {@link DataSource}, a {@link
 * PartnerDirectory} and a {@link ResourceSource}; optionally a {@link Clock}, a {@link
 * FhirContext}, {@link DeliveryAttemptListener}s, {@link DisclosureGate}s and {@link
 * PayloadAssembler}s. Migrates the outbox tables before the store is usable; invalid settings or
 * rules fail startup with a message naming them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfig {

  @Bean
  RelaySettings relaySettings(
      RelayProperties properties,
      ObjectProvider<Clock> clock,
      ObjectProvider<FhirContext> fhirContext) {
    FhirContext ctx = fhirContext.getIfAvailable(FhirContext::forR4Cached);
    return new RelaySettings(
        RelaySettingsValidator.validate(properties),
        RoutingRules.compile(ctx, properties.rules()),
        clock.getIfAvailable(Clock::systemUTC),
        ctx);
  }

  @Bean
  RoutingRules relayRoutingRules(RelaySettings settings) {
    return settings.rules();
  }

  @Bean(initMethod = "migrate")
  ContinuumSchemaMigrator continuumSchemaMigrator(DataSource dataSource) {
    return new ContinuumSchemaMigrator(dataSource);
  }

  @Bean
  OutboxStore relayOutboxStore(
      DataSource dataSource, ContinuumSchemaMigrator migrated, RelaySettings settings) {
    return new OutboxStore(dataSource, settings.clock());
  }

  @Bean
  FhirRestAdapter relayFhirRestAdapter(RelaySettings settings) {
    RelayProperties p = settings.properties();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(p.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new FhirRestAdapter(
        settings.fhirContext(),
        http,
        p,
        new FailureClassifier(settings.clock()),
        new OAuth2TokenProvider(http, p.readTimeout(), settings.clock()));
  }

  @Bean
  DeliveryCoordinator relayDeliveryCoordinator(
      OutboxStore outbox,
      PartnerDirectory directory,
      ResourceSource resources,
      List<PartnerAdapter> adapters,
      ObjectProvider<DeliveryAttemptListener> listeners,
      ObjectProvider<DisclosureGate> gates,
      ObjectProvider<PayloadAssembler> assemblers,
      RelayWakeup wakeup,
      RelaySettings settings) {
    RelayProperties p = settings.properties();
    Backoff backoff =
        new Backoff(
            p.backoffBase(),
            p.backoffMax(),
            p.jitter(),
            () -> ThreadLocalRandom.current().nextLong());
    return new DeliveryCoordinator(
        outbox,
        directory,
        resources,
        adapters,
        backoff,
        new FailureClassifier(settings.clock()),
        p,
        listeners.orderedStream().toList(),
        gates.orderedStream().toList(),
        assemblers.orderedStream().toList(),
        wakeup,
        settings.clock());
  }

  @Bean
  RelayWakeup relayWakeup() {
    return new RelayWakeup();
  }

  @Bean
  RelayHousekeeping relayHousekeeping(OutboxStore outbox, RelaySettings settings) {
    return new RelayHousekeeping(outbox, settings.properties().retention(), settings.clock());
  }

  @Bean
  @ConditionalOnProperty(
      name = "continuum.relay.enabled",
      havingValue = "true",
      matchIfMissing = true)
  RelayHousekeepingRoute relayHousekeepingRoute(
      RelayHousekeeping housekeeping, RelaySettings settings) {
    return new RelayHousekeepingRoute(housekeeping, settings.properties());
  }

  @Bean
  @ConditionalOnProperty(
      name = "continuum.relay.enabled",
      havingValue = "true",
      matchIfMissing = true)
  RelayOutboxPollRoute relayOutboxPollRoute(
      DeliveryCoordinator coordinator, RelaySettings settings) {
    return new RelayOutboxPollRoute(coordinator, settings.properties());
  }

  @Bean
  RelayDeliverRoute relayDeliverRoute(DeliveryCoordinator coordinator) {
    return new RelayDeliverRoute(coordinator);
  }

  @Bean
  FhirRestOutboundRoute relayFhirRestOutboundRoute(FhirRestAdapter adapter) {
    return new FhirRestOutboundRoute(adapter);
  }

  /** Validated settings, compiled rules and the shared clock and FHIR context. */
  record RelaySettings(
      RelayProperties properties, RoutingRules rules, Clock clock, FhirContext fhirContext) {}
}
