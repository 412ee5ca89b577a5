package org.continuumcare.gateway.relay;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.routes.relay.PartnerAdapter;
import org.continuumcare.routes.relay.PartnerDirectory;
import org.continuumcare.routes.relay.RelayConfig;
import org.continuumcare.routes.relay.RelayPriority;
import org.continuumcare.routes.relay.ResourceSource;
import org.continuumcare.routes.relay.RoutingRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The relay inside the gateway: partners and resources read from HAPI, the outbox written by a
 * storage interceptor in the FHIR write's transaction, AuditEvents and metrics per attempt, and
 * the {@code $relay-status} / {@code $relay-replay} operations.
 */
@Configuration(proxyBeanMethods = false)
@Import(RelayConfig.class)
class RelayGatewayConfig {

  @Bean
  PartnerDirectory relayPartnerDirectory(DaoRegistry daos) {
    return new FhirPartnerDirectory(daos);
  }

  @Bean
  ResourceSource relayResourceSource(DaoRegistry daos) {
    return new FhirResourceSource(daos);
  }

  @Bean
  RelayMetrics relayMetrics(MeterRegistry registry, ObjectProvider<Clock> clock) {
    return new RelayMetrics(registry, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RelayAuditTrail relayAuditTrail(DaoRegistry daos, ObjectProvider<Clock> clock) {
    return new RelayAuditTrail(daos,
        new RelayAuditEventMapper(clock.getIfAvailable(Clock::systemUTC)));
  }

  @Bean
  RelayOutboxInterceptor relayOutboxInterceptor(FhirContext fhirContext, RoutingRules rules,
      PartnerDirectory directory, List<PartnerAdapter> adapters, OutboxStore outbox,
      RelayMetrics metrics, IInterceptorService interceptors,
      ObjectProvider<RelayPriority> priorities) {
    RelayOutboxInterceptor interceptor = new RelayOutboxInterceptor(fhirContext, rules, directory,
        adapters.stream().map(PartnerAdapter::connectionType).collect(Collectors.toSet()),
        outbox, metrics, priorities.orderedStream().toList());
    // The JPA layer's interceptor service: storage pointcuts fire for every write, REST or not.
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  FhirServerExtension relayOperations(OutboxStore outbox) {
    RelayOperationsProvider provider = new RelayOperationsProvider(outbox);
    return server -> server.registerProvider(provider);
  }
}
