package org.continuumcare.routes.referral;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Objects;
import org.hl7.fhir.r4.model.Task;

/**
 * What the gateway does with a partner's update of a stored Task, minus storage: the Task must be
 * addressed to that partner (Task.owner), the update must name it, then {@link StatusUpdatePolicy}
 * decides and {@link TaskUpdateApplier} applies. Refusals are HAPI exceptions: 403 for another
 * partner's Task, 400 for an unknown business status or a mismatched id, 422 (with the allowed
 * transitions) for an illegal transition. Stale and replayed updates are results, not errors: the
 * partner is told nothing changed.
 */
public final class PartnerTaskUpdater {

  private final StatusUpdatePolicy policy;
  private final TaskUpdateApplier applier;

  public PartnerTaskUpdater(StatusUpdatePolicy policy, TaskUpdateApplier applier) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.applier = Objects.requireNonNull(applier, "applier");
  }

  public TaskUpdateResult update(Task task, TaskStatusUpdate update, String partnerOrganizationId) {
    String taskId = task.getIdElement().getIdPart();
    if (!update.taskId().equals(taskId)) {
      throw new InvalidRequestException(
          "update names Task/" + update.taskId() + ", not Task/" + taskId);
    }
    var owner = task.getOwner().getReferenceElement();
    if (!"Organization".equals(owner.getResourceType())
        || !partnerOrganizationId.equals(owner.getIdPart())) {
      throw new ForbiddenOperationException(
          "Task/" + taskId + " is not addressed to partner " + partnerOrganizationId);
    }
    StatusUpdateVerdict verdict =
        policy.decide(CurrentTaskState.of(task), update, ActorRole.RECIPIENT);
    switch (verdict.decision()) {
      case UNKNOWN_BUSINESS_STATUS -> throw new InvalidRequestException(verdict.reason());
      case ILLEGAL_TRANSITION -> verdict.transition().orThrow();
      default -> {}
    }
    return new TaskUpdateResult(verdict, verdict.apply() ? applier.apply(task, update) : null);
  }
}
