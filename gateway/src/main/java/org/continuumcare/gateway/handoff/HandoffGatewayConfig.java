package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import java.time.Clock;
import javax.sql.DataSource;
import org.continuumcare.routes.prison.HandoffQueue;
import org.continuumcare.routes.relay.RelaySchemaMigrator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code direct:fhir-transaction} commits through HAPI JPA. Always present (any route may commit a
 * transaction); the prison route (camel-routes, {@code continuum.prison.enabled}) sends its
 * handoffs there, and {@link HandoffController} puts HTTP in front of it.
 */
@Configuration(proxyBeanMethods = false)
class HandoffGatewayConfig {

  /**
   * The durable queue behind the HL7 v2 accept acknowledgment (its table comes with Continuum's
   * schema migration, hence the migrator).
   */
  @Bean
  @ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
  HandoffQueue prisonHandoffQueue(
      DataSource dataSource, RelaySchemaMigrator migrated, Clock clock) {
    return new HandoffQueue(dataSource, clock);
  }

  /** What a JSON handoff may cite (records of the person handed over only). */
  @Bean
  @ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
  CitedRecordCheck handoffCitedRecordCheck(DaoRegistry daos, FhirContext fhirContext) {
    return new CitedRecordCheck(daos, new CitedRecordRule(fhirContext));
  }

  /** JSON handoffs the gateway stores itself (demo data). */
  @Bean
  @ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
  JsonHandoffs jsonHandoffs(
      org.apache.camel.ProducerTemplate camel,
      org.continuumcare.routes.prison.PrisonJsonTranslator translator,
      org.continuumcare.routes.prison.PrisonProperties properties) {
    return new JsonHandoffs(camel, translator, properties.transactionEndpoint());
  }

  @Bean
  FhirTransactionRoute fhirTransactionRoute(IFhirSystemDao<Bundle, Meta> systemDao) {
    return new FhirTransactionRoute(new FhirTransactionCommitter(systemDao));
  }
}
