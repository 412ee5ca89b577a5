package org.continuumcare.gateway.relay;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.routes.relay.CachingPartnerDirectory;
import org.continuumcare.routes.relay.DeliveryCoordinator;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.routes.relay.PartnerAdapter;
import org.continuumcare.routes.relay.PartnerDirectory;
import org.continuumcare.routes.relay.RelayConfig;
import org.continuumcare.routes.relay.RelayPriority;
import org.continuumcare.routes.relay.RelayProperties;
import org.continuumcare.routes.relay.RelayWakeup;
import org.continuumcare.routes.relay.ResourceSource;
import org.continuumcare.routes.relay.RoutingRules;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The relay inside the gateway: partners and resources read from HAPI, the outbox written by a
 * storage interceptor in the FHIR write's transaction, AuditEvents and metrics per attempt, and the
 * {@code $relay-status} / {@code $relay-replay} operations.
 */
@Configuration(proxyBeanMethods = false)
@Import(RelayConfig.class)
class RelayGatewayConfig {

  /** Endpoints cached for {@code endpoint-cache-ttl}; any Organization/Endpoint write clears it. */
  @Bean
  CachingPartnerDirectory relayPartnerDirectory(
      DaoRegistry daos, RelayProperties properties, ObjectProvider<Clock> clock) {
    return new CachingPartnerDirectory(
        new FhirPartnerDirectory(daos),
        properties.endpointCacheTtl(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  PartnerDirectoryInvalidation relayPartnerDirectoryInvalidation(
      CachingPartnerDirectory directory, IInterceptorService interceptors) {
    PartnerDirectoryInvalidation invalidation = new PartnerDirectoryInvalidation(directory);
    interceptors.registerInterceptor(invalidation);
    return invalidation;
  }

  @Bean
  ResourceSource relayResourceSource(DaoRegistry daos) {
    return new FhirResourceSource(daos);
  }

  @Bean
  RelayMetrics relayMetrics(
      MeterRegistry registry, OutboxStore outbox, ObjectProvider<Clock> clock) {
    return new RelayMetrics(registry, outbox, clock.getIfAvailable(Clock::systemUTC));
  }

  /** Held-row gauges for partners that already have held rows when the gateway starts. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> relayHeldGauges(RelayMetrics metrics) {
    return ready -> {
      metrics.watchHeldPartners();
      metrics.watchAuditBacklog();
    };
  }

  @Bean
  RelayAuditTrail relayAuditTrail(
      IFhirSystemDao<Bundle, Meta> systemDao,
      ObjectProvider<Clock> clock,
      OutboxStore outbox,
      PlatformTransactionManager transactionManager) {
    return new RelayAuditTrail(
        systemDao,
        new RelayAuditEventMapper(clock.getIfAvailable(Clock::systemUTC)),
        outbox,
        transactionManager);
  }

  @Bean
  RelayAuditRoute relayAuditRoute(
      RelayAuditTrail trail, RelayProperties properties, OutboxStore outbox) {
    RelayAuditRoute route = new RelayAuditRoute(trail, properties.auditConcurrency());
    outbox.whenJournaled(route::signal);
    return route;
  }

  @Bean
  RelayOutboxInterceptor relayOutboxInterceptor(
      FhirContext fhirContext,
      RoutingRules rules,
      PartnerDirectory directory,
      List<PartnerAdapter> adapters,
      OutboxStore outbox,
      RelayMetrics metrics,
      IInterceptorService interceptors,
      ObjectProvider<RelayPriority> priorities,
      RelayWakeup wakeup) {
    RelayOutboxInterceptor interceptor =
        new RelayOutboxInterceptor(
            fhirContext,
            rules,
            directory,
            adapters.stream().map(PartnerAdapter::connectionType).collect(Collectors.toSet()),
            outbox,
            metrics,
            priorities.orderedStream().toList(),
            wakeup);
    // The JPA layer's interceptor service: storage pointcuts fire for every write, REST or not.
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  FhirServerExtension relayOperations(
      OutboxStore outbox, DeliveryCoordinator coordinator, RelayWakeup wakeup) {
    RelayOperationsProvider provider = new RelayOperationsProvider(outbox, coordinator, wakeup);
    return server -> server.registerProvider(provider);
  }
}
