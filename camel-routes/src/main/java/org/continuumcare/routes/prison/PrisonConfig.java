package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.continuumcare.routes.relay.Backoff;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the prison release handoff when {@code continuum.prison.enabled=true} (default false: the
 * gateway must first provide the transaction endpoint, {@code direct:fhir-transaction}). Optionally
 * uses the application's {@link Clock}, {@link FhirContext} and {@link ObjectMapper}, and its
 * {@link HandoffQueue}: with one, a sender asking for the accept acknowledgment only (MSH-16 = NE)
 * is answered CA once its handoff is queued; and its {@link HandoffRecords}, which a cancel
 * (ADT^A11/A12/A13/A25) needs to withdraw a stored handoff.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(PrisonProperties.class)
public class PrisonConfig {

  @Bean
  ReleaseHandoffTransactionMapper prisonTransactionMapper(
      PrisonProperties properties, ObjectProvider<Clock> clock) {
    return new ReleaseHandoffTransactionMapper(
        ConceptMapTranslator.shared(),
        properties.handoffDefaults(),
        clock.getIfAvailable(Clock::systemUTC),
        UUID::randomUUID);
  }

  @Bean
  PrisonHl7v2Translator prisonHl7v2Translator(
      PrisonProperties properties,
      ReleaseHandoffTransactionMapper mapper,
      ObjectProvider<Clock> clock,
      ObjectProvider<FhirContext> fhirContext) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    FhirContext fhir = fhirContext.getIfAvailable(FhirContext::forR4Cached);
    CodingSystemNames codingSystems = new CodingSystemNames();
    return new PrisonHl7v2Translator(
        new PrisonHl7v2Parser(),
        new PrisonHl7v2HandoffMapper(
            ConceptMapTranslator.shared(),
            LocalConceptMap.load(fhir, "v2-0001-to-administrative-gender"),
            codingSystems,
            new MedicationClassifier(ConceptMapTranslator.shared()),
            properties.handoffDefaults(),
            time,
            PrisonHl7v2SenderProfile.load(fhir, codingSystems),
            properties.releaseZone()),
        mapper,
        new Hl7v2AckBuilder(time, PrisonConfig::ackControlId),
        properties.hl7v2());
  }

  /** A random ACK control id of at most 20 characters (the MSH-10 length of v2.3). */
  static String ackControlId() {
    return "CC" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
  }

  @Bean
  PrisonJsonTranslator prisonJsonTranslator(
      ReleaseHandoffTransactionMapper mapper,
      ObjectProvider<Clock> clock,
      ObjectProvider<ObjectMapper> objectMapper) {
    return new PrisonJsonTranslator(
        objectMapper.getIfAvailable(ObjectMapper::new),
        new ReleaseHandoffJsonValidator(clock.getIfAvailable(Clock::systemUTC)),
        new ReleaseHandoffJsonMapper(),
        mapper);
  }

  @Bean
  PrisonHandoffRoute prisonHandoffRoute(
      PrisonProperties properties,
      PrisonHl7v2Translator translator,
      ObjectProvider<HandoffQueue> queue,
      ObjectProvider<HandoffRecords> records,
      ObjectProvider<CitedRecordCheck> citations,
      ObjectProvider<Clock> clock,
      ObjectProvider<FhirContext> fhirContext) {
    HandoffQueue store = queue.getIfAvailable();
    HandoffQueueSteps queueSteps = null;
    if (store != null) {
      PrisonProperties.Queue settings = properties.queue();
      queueSteps =
          new HandoffQueueSteps(
              store,
              translator,
              fhirContext.getIfAvailable(FhirContext::forR4Cached),
              settings,
              new Backoff(
                  settings.retryBase(),
                  settings.retryMax(),
                  0.2,
                  () -> ThreadLocalRandom.current().nextLong()),
              clock.getIfAvailable(Clock::systemUTC));
    }
    HandoffWithdrawalMapper withdrawals =
        new HandoffWithdrawalMapper(
            properties.handoffDefaults(), clock.getIfAvailable(Clock::systemUTC), UUID::randomUUID);
    return new PrisonHandoffRoute(
        properties,
        new PrisonHandoffSteps(
            translator, records.getIfAvailable(), withdrawals, citations.getIfAvailable()),
        queueSteps);
  }
}
