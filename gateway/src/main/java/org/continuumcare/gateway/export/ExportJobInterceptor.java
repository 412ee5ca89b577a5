package org.continuumcare.gateway.export;

import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.WorkChunk;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IBaseInterceptorBroadcaster.IInterceptorFilterHook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.util.Batch2JobDefinitionConstants;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access gate inside HAPI's bulk export job. The job runs on Batch2 worker threads, where no
 * caller is bound; so the caller is kept with the job ({@link ExportOwner}, from the kick-off
 * request) and every resource the job is about to write is judged by {@link AccessGate} as that
 * caller, exactly as a read would be: withheld records are left out, disclosed SUD records carry
 * {@code NORDSCLCD} and the notice.
 *
 * <p>Each work chunk is one request to the gate (what the rules remember, such as SUD rulings and
 * the disclosure accounting, lives and ends with the chunk, so memory stays bounded by a chunk).
 * When the job completes, the export is audited with what was written and withheld, by type.
 *
 * <p>A resource of an export started over {@code /fhir} that reaches the inclusion hook outside a
 * chunk this class wraps is withheld (fail closed).
 */
@Interceptor
final class ExportJobInterceptor {

  private static final Logger log = LoggerFactory.getLogger(ExportJobInterceptor.class);

  private final AccessGate gate;
  private final ExportAuditor auditor;
  private final ThreadLocal<Chunk> current = new ThreadLocal<>();
  private final Map<String, ExportTally> tallies = new ConcurrentHashMap<>();

  ExportJobInterceptor(AccessGate gate, ExportAuditor auditor) {
    this.gate = gate;
    this.auditor = auditor;
  }

  /** The caller of the kick-off request goes with the job. */
  @Hook(Pointcut.STORAGE_PRESTORAGE_BATCH_JOB_CREATE)
  public void rememberCaller(JobInstance job, RequestDetails request) {
    if (isExport(job)) {
      Caller.of(request)
          .map(ExportOwner::of)
          .ifPresent(owner -> owner.toUserData().forEach(job::addUserData));
    }
  }

  @Hook(Pointcut.BATCH2_CHUNK_PROCESS_FILTER)
  public IInterceptorFilterHook asTheCaller(JobInstance job, WorkChunk chunk) {
    if (!isExport(job)) {
      return Runnable::run;
    }
    Optional<ExportOwner> owner = ExportOwner.fromUserData(job.getUserData());
    // Started over /fhir (its files have an owner) but no caller kept: nothing can be shown.
    boolean orphan =
        owner.isEmpty()
            && ExportFiles.OWNER_SYSTEM.equals(
                job.getParameters(BulkExportJobParameters.class)
                    .getBinarySecurityContextIdentifierSystem());
    return work -> {
      Chunk scope =
          new Chunk(
              owner.map(ExportOwner::asCaller).orElse(null),
              orphan,
              tallies.computeIfAbsent(job.getInstanceId(), id -> new ExportTally()));
      current.set(scope);
      try {
        work.run();
      } finally {
        current.remove();
        scope.complete();
      }
    };
  }

  @Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
  public boolean include(BulkExportJobParameters parameters, IBaseResource resource) {
    Chunk scope = current.get();
    if (scope == null) {
      return !ExportFiles.OWNER_SYSTEM.equals(
          parameters.getBinarySecurityContextIdentifierSystem());
    }
    return scope.include(resource);
  }

  @Hook(Pointcut.STORAGE_POSTCOMPLETE_BATCH_JOB)
  public void completed(JobInstance job) {
    if (!isExport(job)) {
      return;
    }
    ExportTally tally = tallies.remove(job.getInstanceId());
    Optional<ExportOwner> owner = ExportOwner.fromUserData(job.getUserData());
    if (owner.isEmpty()) {
      return;
    }
    BulkExportJobParameters parameters = job.getParameters(BulkExportJobParameters.class);
    auditor.completed(
        job.getInstanceId(),
        owner.get(),
        parameters.getResourceTypes(),
        tally == null ? new ExportTally() : tally);
  }

  private static boolean isExport(JobInstance job) {
    return Batch2JobDefinitionConstants.BULK_EXPORT.equals(job.getJobDefinitionId());
  }

  /** One work chunk judged as one request of the caller. */
  private final class Chunk {
    private final boolean withholdAll;
    private final ExportTally tally;
    private final SystemRequestDetails request = new SystemRequestDetails();

    Chunk(Caller caller, boolean withholdAll, ExportTally tally) {
      this.withholdAll = withholdAll;
      this.tally = tally;
      if (caller != null) {
        Caller.bind(request, caller);
      }
    }

    boolean include(IBaseResource resource) {
      String type = resource.fhirType();
      if (withholdAll) {
        tally.withheld(type);
        return false;
      }
      ConsentOutcome outcome = gate.willSeeResource(request, resource, null);
      boolean shown =
          outcome.getStatus() != ConsentOperationStatusEnum.REJECT
              // A rule that would show a reduced copy: the file cannot carry it, so it is left out.
              && (outcome.getResource() == null || outcome.getResource() == resource);
      if (shown) {
        tally.exported(type);
      } else {
        tally.withheld(type);
      }
      return shown;
    }

    void complete() {
      try {
        gate.completeOperationSuccess(request, null);
      } catch (RuntimeException e) {
        log.warn("Export: accounting of a chunk failed: {}", e.getMessage());
        throw e;
      }
    }
  }
}
