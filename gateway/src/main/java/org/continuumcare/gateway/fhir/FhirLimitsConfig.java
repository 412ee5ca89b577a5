package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.TransactionProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Issue 18: what one FHIR API request may make the server do. Transactions are all or nothing,
 * their reads included ({@link AtomicTransactionProcessor}).
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

  @Bean
  FhirServerExtension fhirLimits(TransactionReads reads) {
    return server -> server.registerInterceptor(reads);
  }
}
