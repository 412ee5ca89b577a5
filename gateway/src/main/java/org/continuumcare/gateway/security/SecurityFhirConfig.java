package org.continuumcare.gateway.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Authorization inside the FHIR server: SMART scopes, then partner isolation. */
@Configuration(proxyBeanMethods = false)
class SecurityFhirConfig {

  @Bean
  FhirServerExtension smartScopeAuthorization(SecurityAuditTrail audit, DaoRegistry daos) {
    return server -> {
      server.registerInterceptor(new SmartScopeAuthorizationInterceptor(audit));
      PartnerIsolation partnerIsolation = new PartnerIsolation(daos);
      server.registerInterceptor(partnerIsolation);
      server.registerInterceptor(new ConsentInterceptor(partnerIsolation));
    };
  }
}
