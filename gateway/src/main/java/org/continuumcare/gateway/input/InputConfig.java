package org.continuumcare.gateway.input;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict, safe input on the FHIR API: request bodies parsed strictly and search parameter values
 * read before a search runs (on the REST server: the gateway's own parsing is unaffected),
 * narratives and strings checked before anything is stored (in the storage layer, so every write).
 */
@Configuration(proxyBeanMethods = false)
class InputConfig {

  @Bean
  FhirServerExtension fhirInputChecks(
      FhirInputProperties properties, ISearchParamRegistry searchParameters) {
    return server -> {
      FhirContext fhirContext = server.getFhirContext();
      if (properties.strictParsing()) {
        server.registerInterceptor(new StrictParsingInterceptor(fhirContext));
      }
      server.registerInterceptor(
          new SearchParameterInterceptor(
              new SearchParameterValues(fhirContext, searchParameters), fhirContext));
    };
  }

  @Bean
  ResourceContentInterceptor resourceContentInterceptor(
      FhirContext fhirContext, IInterceptorService interceptors) {
    ResourceContentInterceptor interceptor =
        new ResourceContentInterceptor(new ResourceContentRules(fhirContext));
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }
}
