package org.continuumcare.gateway.export;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.gateway.security.AccessGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bulk Data Access ({@code $export}) on HAPI JPA's own bulk export job, with the caller carried
 * into the job and judged by the access gate there (see the README "Bulk export").
 */
@Configuration(proxyBeanMethods = false)
class ExportConfig {

  /**
   * HAPI's storage settings for export: no reuse of an earlier identical export (it would hand one
   * client's files to another), HAPI's purge of expired files after the retention, and output files
   * small enough that an export's memory does not grow with the population.
   */
  @Bean
  ExportStorage exportStorage(JpaStorageSettings settings, ExportProperties properties) {
    settings.setEnableBulkExportJobReuse(false);
    settings.setBulkExportFileRetentionPeriodHours(properties.retentionHours());
    settings.setBulkExportFileMaximumCapacity(properties.fileMaxResources());
    settings.setBulkExportFileMaximumSize(properties.fileMaxSize().toBytes());
    return new ExportStorage();
  }

  /** Marker that the storage settings were adjusted for export. */
  record ExportStorage() {}

  @Bean
  ExportJobInterceptor exportJobInterceptor(
      AccessGate gate,
      DaoRegistry daos,
      Clock clock,
      MeterRegistry meters,
      IInterceptorService interceptors) {
    ExportJobInterceptor interceptor =
        new ExportJobInterceptor(
            gate, new ExportAuditor(daos, new ExportAuditEventMapper(clock), meters));
    // Batch2 calls these hooks on the JPA layer's interceptor service, not the REST server's.
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  FhirServerExtension bulkExport(
      BulkDataExportProvider provider,
      DaoRegistry daos,
      IJobCoordinator jobs,
      ExportProperties properties,
      Clock clock,
      ExportStorage storage) {
    return server -> {
      server.registerProvider(provider);
      server.registerInterceptor(new ExportKickoffInterceptor(daos));
      server.registerInterceptor(new ExportFileGuard(jobs, properties, clock));
      server.registerInterceptor(new ExportCapabilities());
    };
  }
}
