package org.continuumcare.gateway.export;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.interceptor.JpaPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.Batch2JobDefinitionConstants;
import java.time.Clock;
import java.util.Optional;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * An export's status and files belong to the client that started it, until the retention has
 * passed: to anyone else, and afterwards to everyone, they answer exactly as an unknown job or
 * resource does (404). Administrators are no exception: an export may hold what only its caller was
 * allowed to see.
 */
@Interceptor
final class ExportFileGuard {

  static final String POLL_STATUS = "$export-poll-status";
  private static final String JOB_ID = "_jobId";

  private final IJobCoordinator jobs;
  private final ExportProperties properties;
  private final Clock clock;

  ExportFileGuard(IJobCoordinator jobs, ExportProperties properties, Clock clock) {
    this.jobs = jobs;
    this.properties = properties;
    this.clock = clock;
  }

  /** Polling and cancelling: only the owner, only within the retention. */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = -500)
  public void checkStatusRequest(RequestDetails request) {
    if (!POLL_STATUS.equals(request.getOperation())) {
      return;
    }
    String[] ids = request.getParameters().get(JOB_ID);
    if (ids == null || ids.length != 1 || ids[0].isBlank()) {
      throw new InvalidRequestException(
          POLL_STATUS
              + " takes exactly one "
              + JOB_ID
              + " in the URL"
              + " (the Content-Location of the kick-off response)");
    }
    String jobId = ids[0];
    JobInstance job;
    try {
      job = jobs.getInstance(jobId);
    } catch (ResourceNotFoundException e) {
      throw unknownJob(jobId);
    }
    Optional<ExportOwner> owner = ExportOwner.fromUserData(job.getUserData());
    Optional<Caller> caller = Caller.of(request);
    if (!Batch2JobDefinitionConstants.BULK_EXPORT.equals(job.getJobDefinitionId())
        || owner.isEmpty()
        || caller.isEmpty()
        || !owner.get().asCaller().principal().equals(caller.get().principal())) {
      throw unknownJob(jobId);
    }
    if (ExportFiles.expired(job.getEndTime(), properties.retention(), clock.instant())) {
      throw new ResourceNotFoundException(
          "Export job " + jobId + " has expired; its files are no longer available");
    }
  }

  /** Export files (Binary) on every read path: only the owner, only within the retention. */
  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void hideOthersFiles(IPreResourceAccessDetails details, RequestDetails request) {
    if (Caller.isInternal(request) || holdsNoBinary(details, request)) {
      return;
    }
    Optional<String> client = Caller.of(request).map(Caller::principal);
    for (int i = 0; i < details.size(); i++) {
      IBaseResource resource = details.getResource(i);
      Optional<String> owner = ExportFiles.owner(resource);
      if (owner.isPresent()
          && (!owner.equals(client)
              || ExportFiles.expired(
                  resource.getMeta().getLastUpdated(), properties.retention(), clock.instant()))) {
        details.setDontReturnResourceAtIndex(i);
      }
    }
  }

  /**
   * The matches of a search of one type other than Binary, not loaded yet: they cannot be export
   * files, and asking for them here would make HAPI load the whole batch once more than the page
   * needs. (Resources a search includes come already loaded, and are checked.)
   */
  private static boolean holdsNoBinary(IPreResourceAccessDetails details, RequestDetails request) {
    return details instanceof JpaPreResourceAccessDetails
        && request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE
        && request.getResourceName() != null
        && !"Binary".equals(request.getResourceName());
  }

  private static ResourceNotFoundException unknownJob(String jobId) {
    return new ResourceNotFoundException("Export job " + jobId + " is not known");
  }
}
