package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.continuumcare.routes.relay.DisclosureGate;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.terminology.ValueSetMembership;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * SUD consent: labels at storage, consent on reads and writes (a rule of the access gate) and
 * relays (the relay's disclosure gate), AuditEvents of every disclosure and denial. On unless
 * {@code continuum.consent.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "continuum.consent.enabled",
    havingValue = "true",
    matchIfMissing = true)
class ConsentConfig {

  private static final Supplier<Optional<Caller>> CALLERS = Caller::current;

  @Bean
  LabelPolicy sudLabelPolicy(FhirContext fhirContext, ConsentProperties properties) {
    return new LabelPolicy(fhirContext, properties, ValueSetMembership.shared());
  }

  @Bean
  ConsentDirectory consentDirectory(DaoRegistry daos) {
    return new ConsentDirectory(daos);
  }

  /** Read once: HAPI parses its whole v3 code system bundle to find v3-ActReason. */
  @Bean
  PurposesOfUse purposesOfUse(FhirContext fhirContext) {
    return PurposesOfUse.fromHapi(fhirContext);
  }

  @Bean
  ConsentEvaluator consentEvaluator(Clock clock, PurposesOfUse purposes) {
    return new ConsentEvaluator(clock, Caller.GATEWAY_ORGANIZATION, purposes);
  }

  /** Its table comes with Continuum's schema migration, hence the migrator. */
  @Bean
  DisclosureJournal disclosureJournal(DataSource dataSource, ContinuumSchemaMigrator migrated) {
    return new DisclosureJournal(dataSource, new ObjectMapper());
  }

  @Bean
  DisclosureAuditor disclosureAuditor(
      DisclosureJournal journal,
      Clock clock,
      PlatformTransactionManager transactions,
      MeterRegistry meters) {
    Gauge.builder("continuum.consent.disclosure.backlog", journal, DisclosureJournal::backlog)
        .description("SUD disclosures journaled but not yet stored as AuditEvents")
        .register(meters);
    return new DisclosureAuditor(journal, clock, transactions, meters);
  }

  @Bean
  DisclosureTrail disclosureTrail(
      IFhirSystemDao<Bundle, Meta> system,
      DisclosureJournal journal,
      Clock clock,
      PlatformTransactionManager transactions) {
    return new DisclosureTrail(
        system,
        new DisclosureAuditEventMapper(clock, Caller.GATEWAY_ORGANIZATION),
        journal,
        transactions);
  }

  /** The background drainer of the disclosure journal. */
  @Bean
  DisclosureAuditRoute disclosureAuditRoute(DisclosureTrail trail) {
    return new DisclosureAuditRoute(trail, 1);
  }

  /** AuditEvent readers over REST see every disclosure made before their request. */
  @Bean
  FhirServerExtension accountingReads(DisclosureTrail trail) {
    AccountingReads reads = new AccountingReads(trail);
    return server -> server.registerInterceptor(reads);
  }

  @Bean
  SudLabelInterceptor sudLabelInterceptor(
      FhirContext fhirContext,
      LabelPolicy policy,
      ConsentDirectory directory,
      IInterceptorService interceptors) {
    SudLabelInterceptor interceptor =
        new SudLabelInterceptor(policy, directory, new SourceProgram(fhirContext, policy), CALLERS);
    // The JPA layer's interceptor service: every write is labelled, REST or not.
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  DisclosureKeyIndex disclosureKeyIndex(DaoRegistry daos, DataSource dataSource, Clock clock) {
    return new DisclosureKeyIndex(daos, new JdbcTemplate(dataSource), clock);
  }

  /**
   * The index is checked once the packages are installed, before traffic is accepted (requests wait
   * until the gateway is ready), so a complete index narrows the first search.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> disclosureKeyIndexCheck(
      DisclosureKeyIndex keys, ConsentGrants grants, ConsentProperties properties) {
    return ready -> {
      if (properties.narrowSearches()) {
        keys.checkNow();
      }
      // Reads every stored Consent once now rather than during the first caller's request.
      grants.load();
    };
  }

  @Bean
  ConsentGrants consentGrants(
      DaoRegistry daos, DataSource dataSource, ConsentEvaluator evaluator, Clock clock) {
    return new ConsentGrants(daos, new JdbcTemplate(dataSource), evaluator, clock);
  }

  @Bean
  SudConsentService sudConsentService(
      FhirContext fhirContext,
      ConsentDirectory directory,
      ConsentEvaluator evaluator,
      DisclosureAuditor auditor,
      ConsentProperties properties,
      DisclosureKeyIndex keys,
      ConsentGrants grants,
      MeterRegistry meters) {
    return new SudConsentService(
        fhirContext,
        directory,
        evaluator,
        auditor,
        properties.notice(),
        keys,
        grants,
        properties.narrowSearches(),
        meters);
  }

  @Bean
  DisclosureGate sudConsentGate(
      FhirContext fhirContext,
      ConsentDirectory directory,
      ConsentEvaluator evaluator,
      DisclosureAuditor auditor,
      DaoRegistry daos,
      ConsentProperties properties) {
    return new ConsentDisclosureGate(
        fhirContext, directory, evaluator, auditor, new HeldReferrals(daos), properties);
  }

  /** Held relays of a patient come due when a consent for them arrives (only with the relay on). */
  @Bean
  ConsentArrivals consentArrivals(
      ObjectProvider<OutboxStore> outbox, IInterceptorService interceptors) {
    return new ConsentArrivals(
        Optional.ofNullable(outbox.getIfAvailable())
            .map(
                store -> {
                  ConsentArrivalInterceptor interceptor = new ConsentArrivalInterceptor(store);
                  interceptors.registerInterceptor(interceptor);
                  return interceptor;
                }));
  }

  /** SUD disclosure consents written through the API must state what 42 CFR 2.31(a) requires. */
  @Bean
  FhirServerExtension consentFormCheck(
      PurposesOfUse purposes, ConsentDirectory directory, Clock clock) {
    ConsentForm form =
        new ConsentForm(
            purposes,
            Caller.GATEWAY_ORGANIZATION,
            id -> directory.recipient(id).types().contains(ConsentForm.CRIMINAL_JUSTICE_AGENCY));
    return server -> server.registerInterceptor(new ConsentFormInterceptor(form, clock));
  }

  /** Disclosure AuditEvents are kept 3 years, on every storage path (42 CFR 2.24, 2.25). */
  @Bean
  DisclosureRetentionInterceptor disclosureRetention(
      Clock clock, IInterceptorService interceptors) {
    DisclosureRetentionInterceptor interceptor = new DisclosureRetentionInterceptor(clock);
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  /** {@code Patient/[id]/$disclosures}: the patient's list of disclosures. */
  @Bean
  FhirServerExtension disclosuresOperation(DaoRegistry daos, DisclosureTrail trail, Clock clock) {
    DisclosuresOperationProvider provider = new DisclosuresOperationProvider(daos, trail, clock);
    return server -> server.registerProvider(provider);
  }

  /** The consent-arrival interceptor, registered when the relay (its outbox) is on. */
  record ConsentArrivals(Optional<ConsentArrivalInterceptor> interceptor) {}
}
