package org.continuumcare.gateway.measures;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.HistoryBuilderFactory;
import ca.uhn.fhir.jpa.dao.IJpaStorageResourceParser;
import ca.uhn.fhir.jpa.dao.data.IResourceHistoryTagDao;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Clock;
import java.util.List;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.gateway.fhir.StoreScan;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.profiles.packages.FhirPackages;
import org.continuumcare.terminology.ValueSetMembership;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Measure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Outcome measures: the recovery package's Measures stored at startup and {@code
 * $evaluate-measure}.
 */
@Configuration(proxyBeanMethods = false)
class MeasuresConfig {

  private static final Logger log = LoggerFactory.getLogger(MeasuresConfig.class);

  @Bean
  ApplicationRunner shippedMeasures(FhirContext fhir, DaoRegistry daos) {
    return arguments -> {
      List<IBaseResource> measures =
          FhirPackages.resources(fhir, FhirPackages.load(FhirPackages.RECOVERY), "Measure");
      for (IBaseResource measure : measures) {
        daos.getResourceDao(Measure.class).update((Measure) measure, new SystemRequestDetails());
      }
      log.info("Stored {} shipped Measures", measures.size());
    };
  }

  @Bean
  VersionHistory measureVersionHistory(
      FhirContext fhir,
      HistoryBuilderFactory histories,
      IResourceHistoryTagDao tags,
      IJpaStorageResourceParser parser,
      IHapiTransactionService transactions,
      JpaStorageSettings settings) {
    return new VersionHistory(fhir, histories, tags, parser, transactions, settings);
  }

  @Bean
  EvaluateMeasureProvider evaluateMeasureProvider(
      DaoRegistry daos, StoreScan scan, VersionHistory history, AccessGate gate, Clock clock) {
    return new EvaluateMeasureProvider(
        daos, scan, history, gate, outcomeMeasures(), new MeasureAudit(daos, clock), clock);
  }

  /** The measures {@code $evaluate-measure} computes, one per shipped Measure. */
  static List<OutcomeMeasure> outcomeMeasures() {
    return List.of(
        new ClosedLoopReferrals(),
        new HandoffTimeliness(),
        new RecoveryCapitalChange(),
        new MoudContinuity(ValueSetMembership.shared()),
        new Reintegration());
  }

  @Bean
  FhirServerExtension measureOperations(EvaluateMeasureProvider provider) {
    return server -> server.registerProvider(provider);
  }

  @Bean
  ScheduledMeasureEvaluation scheduledMeasureEvaluation(
      MeasureScheduleProperties properties,
      EvaluateMeasureProvider provider,
      DaoRegistry daos,
      Clock clock) {
    return new ScheduledMeasureEvaluation(properties, provider, daos, clock);
  }

  @Bean(destroyMethod = "close")
  MeasureScheduleTimer measureScheduleTimer(
      MeasureScheduleProperties properties, ScheduledMeasureEvaluation evaluation) {
    MeasureScheduleTimer timer = new MeasureScheduleTimer(properties, evaluation);
    if (timer.isRunning()) {
      log.info("Scheduled measure evaluation at cron '{}' (UTC)", properties.cron());
    }
    return timer;
  }
}
