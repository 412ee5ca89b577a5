package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.continuumcare.routes.handoff.HandoffAlertListener;
import org.continuumcare.routes.handoff.HandoffTaskStore;
import org.continuumcare.routes.handoff.StoredRecords;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The prison handoff's beans that need the application's store, when {@code
 * continuum.prison.enabled=true}: the application provides the {@link StoredRecords}, the {@link
 * HandoffTaskStore} and a {@link HandoffAlertListener} (ports in {@code routes.handoff}), the
 * {@link DataSource} of the handoff queue, Camel's {@link ProducerTemplate}, a {@link Clock} and a
 * {@link FhirContext}. It gets the intake behind {@code /api/handoffs} and the queue's
 * administration, the relay's deliver-by for handoff resources (release nearest first) and the
 * handoff sent as a FHIR document, what a cancel reads to withdraw a stored handoff, and the "not
 * acknowledged before release" check run every {@code
 * continuum.prison.unacknowledged-check-interval}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(PrisonProperties.class)
public class PrisonStoreConfig {

  /**
   * The durable queue behind the HL7 v2 accept acknowledgment (its table comes with Continuum's
   * schema migration, hence the migrator).
   */
  @Bean
  HandoffQueue prisonHandoffQueue(
      DataSource dataSource, ContinuumSchemaMigrator migrated, Clock clock) {
    return new HandoffQueue(dataSource, clock);
  }

  @Bean
  PrisonHandoffQueueAdmin prisonHandoffQueueAdmin(HandoffQueue queue) {
    return new PrisonHandoffQueueAdmin(queue);
  }

  /** What a JSON handoff may cite (records of the person handed over only). */
  @Bean
  CitedRecordCheck handoffCitedRecordCheck(StoredRecords records, FhirContext fhirContext) {
    return new CitedRecordCheck(records, new CitedRecordRule(fhirContext));
  }

  @Bean
  PrisonHandoffIntake prisonHandoffIntake(
      ProducerTemplate camel,
      PrisonJsonTranslator jsonTranslator,
      PrisonProperties properties,
      CitedRecordCheck citations) {
    return new PrisonHandoffIntake(camel, jsonTranslator, properties, citations);
  }

  @Bean
  HandoffRelayPriority handoffRelayPriority(PrisonProperties properties) {
    return new HandoffRelayPriority(properties.releaseZone());
  }

  /** The handoff reaches the provider as a FHIR document, not as a bare Composition. */
  @Bean
  HandoffDocumentAssembler handoffDocumentAssembler(
      StoredRecords records, FhirContext fhirContext, Clock clock) {
    return new HandoffDocumentAssembler(
        records, new ReleaseHandoffDocumentMapper(fhirContext, clock));
  }

  /** What a cancel (ADT^A11/A12/A13/A25) reads to withdraw a stored handoff. */
  @Bean
  StoredHandoffRecords handoffRecords(StoredRecords records) {
    return new StoredHandoffRecords(records);
  }

  @Bean
  UnacknowledgedHandoffCheck unacknowledgedHandoffCheck(
      HandoffTaskStore store,
      PrisonProperties properties,
      Clock clock,
      HandoffAlertListener listener) {
    return new UnacknowledgedHandoffCheck(
        store, properties.unacknowledgedPolicy(), clock, listener);
  }

  @Bean
  UnacknowledgedHandoffRoute unacknowledgedHandoffRoute(
      UnacknowledgedHandoffCheck check, PrisonProperties properties) {
    return new UnacknowledgedHandoffRoute(check, properties.unacknowledgedCheckInterval());
  }
}
