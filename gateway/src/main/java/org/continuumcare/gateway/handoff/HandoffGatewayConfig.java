package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code direct:fhir-transaction} commits through HAPI JPA. Always present (any route may commit a
 * transaction); the prison route (camel-routes, {@code continuum.prison.enabled}) sends its
 * handoffs there, and {@link HandoffController} puts HTTP in front of it.
 */
@Configuration(proxyBeanMethods = false)
class HandoffGatewayConfig {

  @Bean
  FhirTransactionRoute fhirTransactionRoute(IFhirSystemDao<Bundle, Meta> systemDao) {
    return new FhirTransactionRoute(new FhirTransactionCommitter(systemDao));
  }
}
