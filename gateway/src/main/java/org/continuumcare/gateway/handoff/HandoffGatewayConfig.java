package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import io.micrometer.core.instrument.MeterRegistry;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the gateway gives a partner package that hands people over, over HAPI JPA: {@code
 * direct:fhir-transaction} (commits a transaction Bundle; any route may), the stored records and
 * handoff Tasks (ports {@code StoredRecords}, {@code HandoffTaskStore}) and the metrics of the "not
 * acknowledged before release" check. {@link HandoffController} and {@link HandoffQueueController}
 * put HTTP in front of the partner's intake and queue.
 */
@Configuration(proxyBeanMethods = false)
class HandoffGatewayConfig {

  @Bean
  FhirTransactionRoute fhirTransactionRoute(IFhirSystemDao<Bundle, Meta> systemDao) {
    return new FhirTransactionRoute(new FhirTransactionCommitter(systemDao));
  }

  @Bean
  FhirStoredRecords storedRecords(DaoRegistry daos) {
    return new FhirStoredRecords(daos);
  }

  @Bean
  FhirHandoffTaskStore handoffTaskStore(DaoRegistry daos) {
    return new FhirHandoffTaskStore(daos);
  }

  @Bean
  HandoffAlertMetrics handoffAlertMetrics(MeterRegistry registry) {
    return new HandoffAlertMetrics(registry);
  }
}
