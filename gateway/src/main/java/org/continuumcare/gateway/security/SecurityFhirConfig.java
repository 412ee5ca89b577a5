package org.continuumcare.gateway.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authorization inside the FHIR server: SMART scopes decide what a caller may do at all; the {@link
 * AccessGate} decides, on every path, which resources it may see and write. The gate's rules are
 * partner isolation (here) and every other {@link AccessRule} bean (SUD consent).
 */
@Configuration(proxyBeanMethods = false)
class SecurityFhirConfig {

  @Bean
  PartnerIsolation partnerIsolation(DaoRegistry daos) {
    return new PartnerIsolation(daos);
  }

  @Bean
  AccessGate accessGate(
      PartnerIsolation partnerIsolation, ObjectProvider<AccessRule> otherRules, DaoRegistry daos) {
    List<AccessRule> rules = new ArrayList<>();
    rules.add(partnerIsolation);
    otherRules.orderedStream().filter(rule -> rule != partnerIsolation).forEach(rules::add);
    return new AccessGate(rules, daos);
  }

  /** Names the signed-in user in every AuditEvent written for their requests. */
  @Bean
  AuditEventUserInterceptor auditEventUserInterceptor(IInterceptorService interceptors) {
    AuditEventUserInterceptor interceptor = new AuditEventUserInterceptor();
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  FhirServerExtension accessEnforcement(
      SecurityAuditTrail audit,
      AccessGate gate,
      PartnerIsolation partnerIsolation,
      FhirContext fhirContext,
      ISearchParamExtractor searchParamExtractor,
      ISearchParamRegistry searchParamRegistry) {
    return server -> {
      server.registerInterceptor(
          new GateInterceptor(gate, fhirContext, searchParamExtractor, searchParamRegistry));
      server.registerInterceptor(new SmartScopeAuthorizationInterceptor(audit));
      server.registerInterceptor(partnerIsolation);
      server.registerInterceptor(new GateConsentInterceptor(gate));
    };
  }
}
