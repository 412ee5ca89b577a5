package org.continuumcare.gateway.partners;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.continuumcare.routes.referral.ReferralOutcome;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referral ServiceRequest follows its ReferralTask (SDOHCC): when a write, from any path (FHIR
 * API, partner callbacks, HMIS imports, the prison handoff), moves the Task to completed the
 * referral becomes completed, to cancelled it becomes revoked ({@link
 * ReferralOutcome#referralStatusFor}). The referral is updated in the same database transaction, so
 * relays see both changes; in a FHIR transaction the hook runs after every entry (HAPI defers it),
 * so a bundle that changes both itself (the prison withdrawal) finds the referral already ended.
 * Registered on the JPA interceptor service.
 */
@Interceptor
final class ReferralFollowsTaskInterceptor {

  private static final Logger log = LoggerFactory.getLogger(ReferralFollowsTaskInterceptor.class);

  private final IFhirResourceDao<ServiceRequest> referrals;

  ReferralFollowsTaskInterceptor(DaoRegistry daos) {
    this.referrals = daos.getResourceDao(ServiceRequest.class);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource updated) {
    if (!(updated instanceof Task task) || !TaskTransitionGuard.isReferralTask(task)) {
      return;
    }
    TaskStatus before = previous instanceof Task old ? old.getStatus() : null;
    if (task.getStatus() == before) {
      return;
    }
    IIdType focus = task.getFocus().getReferenceElement();
    if (!"ServiceRequest".equals(focus.getResourceType()) || !focus.hasIdPart()) {
      return;
    }
    referral(focus.getIdPart())
        .ifPresent(
            referral ->
                ReferralOutcome.referralStatusFor(task.getStatus(), referral.getStatus())
                    .ifPresent(status -> follow(referral, status, task)));
  }

  private Optional<ServiceRequest> referral(String id) {
    try {
      return Optional.of(
          referrals.read(new IdType("ServiceRequest", id), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  private void follow(ServiceRequest referral, ServiceRequestStatus status, Task task) {
    referral.setStatus(status);
    referrals.update(referral, new SystemRequestDetails());
    log.info(
        "ServiceRequest/{} {} with Task/{}",
        referral.getIdElement().getIdPart(),
        status.toCode(),
        task.getIdElement().getIdPart());
  }
}
