package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.TransactionProcessor;
import ch.qos.logback.classic.LoggerContext;
import org.continuumcare.gateway.persistence.DatabasePlatform;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * What one FHIR API request may make the server do. Transactions are all or nothing, their reads
 * included ({@link AtomicTransactionProcessor}); searches may not nest {@code _has} or chain
 * references too deep ({@link SearchDepthLimit}); every database statement of a {@code /fhir}
 * request has a timeout ({@link ApiStatementTimeout}), and a request whose statement runs over it
 * is answered 400 {@code too-costly} ({@link StatementTimeoutResponse}); the statements of a
 * request whose client disconnected are cancelled ({@link AbandonedRequestWatch}).
 */
@Configuration(proxyBeanMethods = false)
class FhirLimitsConfig {

  @Bean
  TransactionReads transactionReads(FhirContext fhirContext) {
    return new TransactionReads(fhirContext);
  }

  /** Replaces HAPI's own TransactionProcessor bean wherever HAPI injects one. */
  @Primary
  @Bean
  TransactionProcessor atomicTransactionProcessor(TransactionReads reads) {
    return new AtomicTransactionProcessor(reads);
  }

  @Bean(destroyMethod = "detach")
  ExpectedRefusalLogFilter expectedRefusalLogFilter() {
    ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
      filter.attachTo(logging);
    }
    return filter;
  }

  @Bean(destroyMethod = "close")
  AbandonedRequestWatch abandonedRequestWatch(FhirSearchProperties properties) {
    return new AbandonedRequestWatch(
        ClosedByClient.ofThisHost(), properties.disconnectCheckInterval());
  }

  @Bean
  FilterRegistrationBean<FhirRequestScopeFilter> fhirRequestScopeFilter(
      AbandonedRequestWatch watch) {
    FilterRegistrationBean<FhirRequestScopeFilter> registration =
        new FilterRegistrationBean<>(new FhirRequestScopeFilter(watch));
    registration.addUrlPatterns(FhirRestfulServerConfig.FHIR_PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FhirServerExtension fhirLimits(TransactionReads reads, FhirSearchProperties properties) {
    SearchDepthLimit depthLimit =
        new SearchDepthLimit(properties.maxHasDepth(), properties.maxChainDepth());
    StatementTimeoutResponse timeoutResponse =
        new StatementTimeoutResponse(properties.statementTimeout());
    return server -> {
      server.registerInterceptor(reads);
      server.registerInterceptor(depthLimit);
      server.registerInterceptor(timeoutResponse);
    };
  }

  /** On the transaction manager every HAPI and gateway transaction goes through. */
  @Bean
  ApiStatementTimeout apiStatementTimeout(
      JpaTransactionManager transactionManager,
      DatabasePlatform platform,
      FhirSearchProperties properties) {
    ApiStatementTimeout timeout =
        new ApiStatementTimeout(
            transactionManager.getDataSource(), platform, properties.statementTimeout());
    transactionManager.addListener(timeout);
    return timeout;
  }
}
