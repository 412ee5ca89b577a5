package org.continuumcare.gateway.views;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.continuumcare.gateway.fhir.FhirServerExtension;
import org.continuumcare.gateway.security.AccessGate;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQL on FHIR v2 views on {@code /fhir}: stored and shipped views, {@code $run}, {@code
 * $viewdefinition-export}.
 */
@Configuration(proxyBeanMethods = false)
class ViewsConfig {

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
      FhirContext fhir, DaoRegistry daos, AccessGate gate, StoredViews stored) {
    return new ViewRunService(fhir, daos, gate, stored);
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
  ViewExports viewExports(
      ViewRunService views,
      AccessGate gate,
      AnalyticsProperties properties,
      ExecutorService viewExportWorker,
      Clock clock) {
    return new ViewExports(views, gate, properties, viewExportWorker, clock);
  }

  @Bean
  FhirServerExtension viewOperations(
      FhirContext fhir,
      ViewRunService views,
      StoredViews stored,
      ViewExports exports,
      AccessGate gate,
      AnalyticsProperties properties) {
    ViewRunEndpoint.Errors errors = new ViewRunEndpoint.Errors(fhir);
    ViewRunEndpoint run = new ViewRunEndpoint(errors, views, gate, properties);
    ViewExportEndpoint export = new ViewExportEndpoint(views, stored, exports, errors);
    ViewCapabilities capabilities = new ViewCapabilities();
    return server -> {
      server.registerInterceptor(run);
      server.registerInterceptor(export);
      server.registerInterceptor(capabilities);
    };
  }
}
