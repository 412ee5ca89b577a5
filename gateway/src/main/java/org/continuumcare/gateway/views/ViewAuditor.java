package org.continuumcare.gateway.views;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each view run ({@code $run}, or a whole {@code $viewdefinition-export}) as one AuditEvent
 * (as the system) and counts it: {@code continuum_view_runs_total{operation,outcome}}, {@code
 * continuum_view_rows_total{operation}} and {@code continuum_view_resources_withheld_total{
 * operation}} ({@code operation} = {@code run} or {@code export}). An AuditEvent that cannot be
 * stored is counted in {@code continuum_audit_lost_total{source="views"}} (which must stay 0). Logs
 * carry the client and counts only.
 */
final class ViewAuditor {

  private static final Logger log = LoggerFactory.getLogger(ViewAuditor.class);

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final ViewAuditEventMapper mapper;
  private final MeterRegistry meters;
  private final Counter lost;

  ViewAuditor(DaoRegistry daos, ViewAuditEventMapper mapper, MeterRegistry meters) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.meters = meters;
    this.lost =
        Counter.builder("continuum.audit.lost")
            .description("AuditEvents that could not be stored")
            .tag("source", "views")
            .register(meters);
  }

  /** A {@code $run} of one view ({@code failure} null when it completed). */
  void ran(Caller caller, String view, RunFormat format, ViewRunTally tally, String failure) {
    record(false, null, caller, format, Map.of(view, tally), failure);
  }

  /** A {@code $viewdefinition-export} of {@code views} ({@code failure} null when it completed). */
  void exported(
      String job,
      Caller caller,
      RunFormat format,
      Map<String, ViewRunTally> views,
      String failure) {
    record(true, job, caller, format, views, failure);
  }

  private void record(
      boolean export,
      String job,
      Caller caller,
      RunFormat format,
      Map<String, ViewRunTally> views,
      String failure) {
    String operation = export ? "export" : "run";
    ViewRunTally total = views.values().stream().reduce(ViewRunTally.NONE, ViewRunTally::plus);
    meters
        .counter(
            "continuum_view_runs",
            "operation",
            operation,
            "outcome",
            failure == null ? "completed" : "failed")
        .increment();
    meters.counter("continuum_view_rows", "operation", operation).increment(total.rows());
    meters
        .counter("continuum_view_resources_withheld", "operation", operation)
        .increment(total.withheld());
    try {
      auditEvents.create(
          mapper.ran(export, job, caller, format, views, failure), new SystemRequestDetails());
    } catch (RuntimeException e) {
      lost.increment();
      log.error(
          "Could not store the AuditEvent of a view {} for {}: {}",
          operation,
          caller.clientId(),
          e.getClass().getSimpleName());
      throw e;
    }
    log.info(
        "View {} for {}: {} rows, {} resources withheld",
        operation,
        caller.clientId(),
        total.rows(),
        total.withheld());
  }
}
