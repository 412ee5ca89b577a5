package org.continuumcare.gateway.views;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.continuumcare.gateway.export.ExportProperties;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.gateway.fhir.StoreScan;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.routes.relay.ContinuumSchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQL on FHIR v2 views on {@code /fhir}: stored and shipped views, {@code $run}, {@code
 * $viewdefinition-export}.
 */
@Configuration(proxyBeanMethods = false)
class ViewsConfig {

  private static final Logger log = LoggerFactory.getLogger(ViewsConfig.class);

  @Bean
  StoredViews storedViews(DaoRegistry daos) {
    return new StoredViews(daos);
  }

  @Bean
  ApplicationRunner shippedViews(DaoRegistry daos) {
    return arguments -> ShippedViews.store(daos);
  }

  @Bean
  ViewRunService viewRunService(
      FhirContext fhir, DaoRegistry daos, StoreScan scan, AccessGate gate, StoredViews stored) {
    return new ViewRunService(fhir, daos, scan, gate, stored);
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService viewExportWorker() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "view-export");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService analyticsTimer() {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, "analytics-sql-timer");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  ViewAuditor viewAuditor(DaoRegistry daos, Clock clock, MeterRegistry meters) {
    return new ViewAuditor(daos, new ViewAuditEventMapper(clock), meters);
  }

  /** Its table comes with Continuum's schema migration, hence the migrator. */
  @Bean
  ViewExportStore viewExportStore(
      DataSource dataSource, ContinuumSchemaMigrator migrated, AnalyticsProperties properties) {
    return new ViewExportStore(dataSource, properties.dir().resolve("exports"));
  }

  /**
   * View exports kept as long as bulk exports ({@code continuum.export.retention}); expired and
   * cancelled ones are deleted every minute.
   */
  @Bean
  ViewExports viewExports(
      ViewRunService views,
      AccessGate gate,
      AnalyticsProperties properties,
      ExecutorService viewExportWorker,
      ScheduledExecutorService analyticsTimer,
      Clock clock,
      ViewAuditor auditor,
      ViewExportStore store,
      ExportProperties exportProperties) {
    ViewExports exports =
        new ViewExports(
            views,
            gate,
            properties,
            viewExportWorker,
            clock,
            auditor,
            store,
            exportProperties.retention());
    exports.interrupted();
    analyticsTimer.scheduleWithFixedDelay(
        () -> {
          try {
            exports.sweep();
          } catch (RuntimeException e) {
            log.warn("View export sweep failed: {}", e.toString());
          }
        },
        1,
        1,
        TimeUnit.MINUTES);
    return exports;
  }

  @Bean
  FhirServerExtension viewOperations(
      FhirContext fhir,
      ViewRunService views,
      StoredViews stored,
      ViewExports exports,
      AccessGate gate,
      AnalyticsProperties properties,
      ViewAuditor auditor) {
    ViewRunEndpoint.Errors errors = new ViewRunEndpoint.Errors(fhir);
    ViewRunEndpoint run = new ViewRunEndpoint(errors, views, gate, properties, auditor);
    ViewExportEndpoint export = new ViewExportEndpoint(views, stored, exports, errors);
    ViewCapabilities capabilities = new ViewCapabilities();
    return server -> {
      server.registerInterceptor(run);
      server.registerInterceptor(export);
      server.registerInterceptor(capabilities);
    };
  }
}
