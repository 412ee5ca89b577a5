package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoffDocumentMapper;
import org.continuumcare.routes.prison.UnacknowledgedHandoffCheck;
import org.continuumcare.routes.prison.UnacknowledgedHandoffRoute;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbound half of the prison handoff, when it is on: the relay's deliver-by for handoff
 * resources (release nearest first, {@link HandoffRelayPriority}), the handoff sent as a FHIR
 * document ({@link HandoffDocumentAssembler}) and the "not acknowledged before release" flag (the
 * check over HAPI's Tasks, run by the Camel timer route every {@code
 * continuum.prison.unacknowledged-check-interval}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
class HandoffOutboundConfig {

  @Bean
  HandoffRelayPriority handoffRelayPriority(PrisonProperties properties) {
    return new HandoffRelayPriority(properties.releaseZone());
  }

  /** The handoff reaches the provider as a FHIR document, not as a bare Composition. */
  @Bean
  HandoffDocumentAssembler handoffDocumentAssembler(
      DaoRegistry daos, FhirContext fhirContext, Clock clock) {
    return new HandoffDocumentAssembler(daos, new ReleaseHandoffDocumentMapper(fhirContext, clock));
  }

  @Bean
  FhirHandoffTaskStore handoffTaskStore(DaoRegistry daos) {
    return new FhirHandoffTaskStore(daos);
  }

  /** What a cancel (ADT^A11/A12/A13/A25) reads to withdraw a stored handoff. */
  @Bean
  FhirHandoffRecords handoffRecords(DaoRegistry daos) {
    return new FhirHandoffRecords(daos);
  }

  @Bean
  HandoffAlertMetrics handoffAlertMetrics(MeterRegistry registry) {
    return new HandoffAlertMetrics(registry);
  }

  @Bean
  UnacknowledgedHandoffCheck unacknowledgedHandoffCheck(
      FhirHandoffTaskStore store,
      PrisonProperties properties,
      Clock clock,
      HandoffAlertMetrics metrics) {
    return new UnacknowledgedHandoffCheck(store, properties.unacknowledgedPolicy(), clock, metrics);
  }

  @Bean
  UnacknowledgedHandoffRoute unacknowledgedHandoffRoute(
      UnacknowledgedHandoffCheck check, PrisonProperties properties) {
    return new UnacknowledgedHandoffRoute(check, properties.unacknowledgedCheckInterval());
  }
}
