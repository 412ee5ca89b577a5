package org.continuumcare.gateway.export;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each completed export as an AuditEvent (as the system) and counts it: {@code
 * continuum_export_jobs_total} and {@code continuum_export_resources_total{outcome}} ({@code
 * exported}, {@code withheld}). Logs carry the job id and counts only.
 */
final class ExportAuditor {

  private static final Logger log = LoggerFactory.getLogger(ExportAuditor.class);

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final ExportAuditEventMapper mapper;
  private final MeterRegistry meters;

  ExportAuditor(DaoRegistry daos, ExportAuditEventMapper mapper, MeterRegistry meters) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.meters = meters;
  }

  void completed(String jobId, ExportOwner owner, List<String> types, ExportTally tally) {
    Map<String, Long> exported = tally.exportedByType();
    Map<String, Long> withheld = tally.withheldByType();
    auditEvents.create(
        mapper.completed(jobId, owner, types, exported, withheld), new SystemRequestDetails());
    meters
        .counter("continuum_export_jobs", "access", owner.access().name().toLowerCase())
        .increment();
    meters
        .counter("continuum_export_resources", "outcome", "exported")
        .increment(ExportTally.total(exported));
    meters
        .counter("continuum_export_resources", "outcome", "withheld")
        .increment(ExportTally.total(withheld));
    log.info(
        "Export {} for {} completed: {} exported, {} withheld",
        jobId,
        owner.clientId(),
        ExportTally.total(exported),
        ExportTally.total(withheld));
  }
}
