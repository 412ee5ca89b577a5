package org.continuumcare.gateway.partners;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import java.util.function.Function;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.routes.partner.PartnerReport;
import org.continuumcare.routes.referral.PartnerTaskUpdater;
import org.continuumcare.routes.referral.ReferralOutcome;
import org.continuumcare.routes.referral.StatusUpdatePolicy;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.continuumcare.routes.referral.TaskUpdateApplier;
import org.continuumcare.routes.referral.TaskUpdateResult;
import org.continuumcare.terminology.CodeSystemLookup;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one partner report to its ReferralTask in one database transaction, through HAPI's DAOs
 * (so validation, the relay outbox and every other storage interceptor see it): reads the Task,
 * lets {@link PartnerTaskUpdater} decide (owner, policy, lifecycle), stores the updated Task
 * against the version it read (a concurrent change answers 409) and, when applied, the Observation
 * that came with the report (conditional create: a replay creates nothing), which becomes the
 * Task's resulting activity when the report completes it.
 */
final class PartnerTaskUpdates {

  /**
   * RequestDetails user data naming the partner Organization on whose behalf the gateway writes.
   */
  static final String ON_BEHALF_OF = "continuum.partners.onBehalfOf";

  private final ReferralRecords records;
  private final IFhirResourceDao<Task> tasks;
  private final IFhirResourceDao<Observation> observations;
  private final PartnerTaskUpdater updater;
  private final TransactionTemplate transaction;
  private final AccessGate gate;

  PartnerTaskUpdates(
      ReferralRecords records,
      DaoRegistry daos,
      PlatformTransactionManager transactions,
      AccessGate gate) {
    this.records = records;
    this.gate = gate;
    this.tasks = daos.getResourceDao(Task.class);
    this.observations = daos.getResourceDao(Observation.class);
    this.updater =
        new PartnerTaskUpdater(
            StatusUpdatePolicy.referralDefault(), new TaskUpdateApplier(CodeSystemLookup.shared()));
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * @param partnerId the partner Organization reporting
   * @param taskId the ReferralTask the report names (404 when there is none)
   * @param toReport builds the report from the stored Task (mappers may need it)
   */
  PartnerUpdateResult apply(
      String partnerId, String taskId, Function<Task, PartnerReport> toReport) {
    return transaction.execute(
        status -> {
          // A Task the caller may not see is answered exactly as one that does not exist.
          Optional<Caller> caller = Caller.current();
          Task task =
              records
                  .task(taskId)
                  .filter(TaskTransitionGuard::isReferralTask)
                  .filter(found -> caller.isEmpty() || gate.maySee(caller.get(), found))
                  .orElseThrow(() -> new ResourceNotFoundException("No referral Task/" + taskId));
          PartnerReport report = toReport.apply(task);
          TaskUpdateResult result = updater.update(task, report.update(), partnerId);
          if (result.changed().isEmpty()) {
            String outcome =
                switch (result.verdict().decision()) {
                  case STALE -> PartnerUpdateResult.IGNORED_OLDER;
                  default -> PartnerUpdateResult.IGNORED_DUPLICATE;
                };
            return describe(taskId, outcome, result.verdict().reason(), task, null);
          }
          Task updated = result.updatedTask();
          updated.setId(task.getIdElement().toUnqualified());
          String observation = null;
          if (report.observation() != null) {
            var created =
                observations.create(report.observation(), report.ifNoneExist(), request(partnerId));
            observation = created.getId().toUnqualifiedVersionless().getValue();
            if (updated.getStatus() == TaskStatus.COMPLETED
                && task.getStatus() != TaskStatus.COMPLETED) {
              ReferralOutcome.setResultingActivity(updated, new Reference(observation));
            }
          }
          Task stored = (Task) tasks.update(updated, request(partnerId)).getResource();
          return describe(
              taskId,
              PartnerUpdateResult.APPLIED,
              result.verdict().reason(),
              stored == null ? updated : stored,
              observation);
        });
  }

  static SystemRequestDetails request(String partnerId) {
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(ON_BEHALF_OF, partnerId);
    return request;
  }

  private static PartnerUpdateResult describe(
      String taskId, String outcome, String detail, Task task, String observation) {
    return new PartnerUpdateResult(
        taskId,
        outcome,
        detail,
        task.getStatus() == null ? null : task.getStatus().toCode(),
        task.hasBusinessStatus() ? task.getBusinessStatus().getCodingFirstRep().getCode() : null,
        task.getIdElement().getVersionIdPart() != null
            ? task.getIdElement().getVersionIdPart()
            : task.getMeta().getVersionId(),
        observation);
  }
}
