package org.continuumcare.gateway.web;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Servlet filters in front of every endpoint (request id first, then the body limit) and the error
 * documents of refusals made outside the FHIR server and the controllers: by Tomcat ({@link
 * ErrorDocumentValve}) and by Spring Security's firewall ({@link FirewallRejections}). Spring
 * Boot's {@code /error} page is switched off (see {@code ContinuumGatewayApplication}): errors are
 * answered where they happen, never by a second dispatch that would pass the security filters
 * again.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

  @Bean
  RequestsHeldUntilReady requestsHeldUntilReady() {
    return new RequestsHeldUntilReady();
  }

  @Bean
  ErrorDocuments errorDocuments(ObjectProvider<FhirContext> fhirContext) {
    return new ErrorDocuments(() -> fhirContext.getIfAvailable(FhirContext::forR4Cached));
  }

  @Bean
  ErrorReportCustomizer errorReportCustomizer(ErrorDocuments documents) {
    return new ErrorReportCustomizer(documents);
  }

  @Bean
  RequestRejectedHandler firewallRejections(ErrorDocuments documents) {
    return new FirewallRejections(documents);
  }

  @Bean
  RefusalLogging refusalLogging() {
    return new RefusalLogging();
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      HttpProperties properties, FhirContext fhirContext) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(
                properties.maxRequestBody().toBytes(), new OperationOutcomeWriter(fhirContext)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
