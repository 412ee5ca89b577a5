package org.continuumcare.gateway.partners;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referral lifecycle on the FHIR API: an update of a ReferralTask (by profile, stored or new)
 * that changes its status must be a legal transition for the side the caller holds (see {@link
 * TaskTransitionGuard}); otherwise 422 naming the allowed transitions, or 403 for a caller holding
 * no side. Registered on the REST server, so it judges API callers; the gateway's own partner
 * callbacks check the same table before they write.
 */
@Interceptor
final class ReferralTaskTransitionInterceptor {

  private static final Logger log =
      LoggerFactory.getLogger(ReferralTaskTransitionInterceptor.class);

  private final TaskTransitionGuard guard;
  private final PartnerAudit audit;

  ReferralTaskTransitionInterceptor(TaskTransitionGuard guard, PartnerAudit audit) {
    this.guard = guard;
    this.audit = audit;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updating(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    if (!(previous instanceof Task stored) || !(updated instanceof Task task)) {
      return;
    }
    if (!TaskTransitionGuard.isReferralTask(stored) && !TaskTransitionGuard.isReferralTask(task)) {
      return;
    }
    try {
      guard.check(stored, task, CallerParties.current());
    } catch (RuntimeException refused) {
      String taskId = stored.getIdElement().getIdPart();
      log.info(
          "Refused status change of Task/{}: {} -> {} by {}",
          taskId,
          stored.getStatus() == null ? null : stored.getStatus().toCode(),
          task.getStatus() == null ? null : task.getStatus().toCode(),
          CallerParties.clientId());
      audit.rejected("fhir-task-update", null, "Task/" + taskId, refused);
      throw refused;
    }
  }
}
