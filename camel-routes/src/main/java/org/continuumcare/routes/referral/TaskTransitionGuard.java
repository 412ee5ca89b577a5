package org.continuumcare.routes.referral;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Enforces the referral lifecycle on a direct update of a stored ReferralTask (FHIR API): decides
 * the side of the caller from the Task (a caller acting for {@code Task.owner} is the recipient,
 * one acting for the Organization in {@code Task.requester} the requester; care team members refer
 * for the network; the administrator may make any transition legal for either side) and refuses an
 * illegal status change with 422 naming the transitions allowed from the current status. A caller
 * that holds no side gets 403. A legal move must also carry what SDOHCC asks of the status reached
 * ({@link ReferralOutcome}): statusReason text for rejected, cancelled, on-hold and failed, the
 * resulting-activity output for completed; otherwise 422 naming that element.
 */
public final class TaskTransitionGuard {

  /** Canonical url of the ReferralTask profile the guard applies to. */
  public static final String REFERRAL_TASK_PROFILE =
      ContinuumTerminology.BASE + "/StructureDefinition/referral-task";

  private final TaskTransitions transitions;

  public TaskTransitionGuard(TaskTransitions transitions) {
    this.transitions = Objects.requireNonNull(transitions, "transitions");
  }

  /** Whether the Task claims the ReferralTask profile. */
  public static boolean isReferralTask(Task task) {
    return task != null
        && task.getMeta().getProfile().stream()
            .anyMatch(p -> REFERRAL_TASK_PROFILE.equals(p.getValueAsString()));
  }

  /** The sides {@code party} holds on {@code task}; empty when it holds none. */
  public Set<ActorRole> sidesOf(Task task, TaskParty party) {
    Set<ActorRole> sides = EnumSet.noneOf(ActorRole.class);
    if (party.kind() == TaskParty.Kind.ADMIN) {
      return EnumSet.allOf(ActorRole.class);
    }
    if (party.organizationId() != null) {
      if (isOrganization(task.getOwner(), party.organizationId())) {
        sides.add(ActorRole.RECIPIENT);
      }
      if (isOrganization(task.getRequester(), party.organizationId())) {
        sides.add(ActorRole.REQUESTER);
      }
    }
    if (sides.isEmpty() && party.kind() == TaskParty.Kind.CARE_TEAM) {
      sides.add(ActorRole.REQUESTER);
    }
    return sides;
  }

  /**
   * Checks that {@code party} may move the Task from its stored status to the updated one; returns
   * normally when the status does not change or the transition is legal for a side the party holds.
   *
   * @throws ForbiddenOperationException when the party holds no side on the Task and changes its
   *     status
   * @throws UnprocessableEntityException when the transition is illegal for every side it holds
   */
  public void check(Task stored, Task updated, TaskParty party) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(party, "party");
    TaskStatus from = stored.getStatus() == null ? TaskStatus.NULL : stored.getStatus();
    TaskStatus to = updated.getStatus() == null ? TaskStatus.NULL : updated.getStatus();
    if (from == to) {
      return;
    }
    String taskId = stored.getIdElement().getIdPart();
    Set<ActorRole> sides = sidesOf(stored, party);
    if (sides.isEmpty()) {
      throw new ForbiddenOperationException(
          "Organization/"
              + party.organizationId()
              + " is neither the requester nor the owner of Task/"
              + taskId
              + " and may not change its status");
    }
    TransitionCheck first = null;
    for (ActorRole side : sides) {
      TransitionCheck check = transitions.check(side, from, to);
      if (check.allowed()) {
        requireOutcome(updated, to, taskId);
        return;
      }
      first = first == null ? check : first;
    }
    if (sides.size() == 1) {
      first.orThrow();
    }
    String message =
        "Task status "
            + from.toCode()
            + " -> "
            + to.toCode()
            + " is not allowed for either side;"
            + " allowed from "
            + from.toCode()
            + ": requester: "
            + list(transitions.allowedFrom(ActorRole.REQUESTER, from))
            + "; recipient: "
            + list(transitions.allowedFrom(ActorRole.RECIPIENT, from));
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.BUSINESSRULE)
        .setDiagnostics(message)
        .addExpression("Task.status");
    throw new UnprocessableEntityException(message, outcome);
  }

  /**
   * SDOHCC's content rules for the status reached: a reason with text for rejected, cancelled,
   * on-hold and failed; the resulting activity for completed (422 naming the element).
   */
  private static void requireOutcome(Task updated, TaskStatus to, String taskId) {
    if (ReferralOutcome.needsReason(to) && !ReferralOutcome.hasReasonText(updated)) {
      refuse(
          "Task/"
              + taskId
              + " moving to "
              + to.toCode()
              + " needs statusReason.text saying why (SDOHCC referral Task)",
          "Task.statusReason");
    }
    if (to == TaskStatus.COMPLETED && !ReferralOutcome.hasResultingActivity(updated)) {
      refuse(
          "Task/"
              + taskId
              + " moving to completed needs an output of type "
              + ReferralOutcome.SDOHCC_TEMPORARY_CODES
              + "#"
              + ReferralOutcome.RESULTING_ACTIVITY
              + " referencing what was done (SDOHCC referral Task)",
          "Task.output");
    }
  }

  private static void refuse(String message, String expression) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.REQUIRED)
        .setDiagnostics(message)
        .addExpression(expression);
    throw new UnprocessableEntityException(message, outcome);
  }

  private static String list(Set<TaskStatus> statuses) {
    return statuses.isEmpty()
        ? "none"
        : statuses.stream().map(TaskStatus::toCode).sorted().collect(Collectors.joining(", "));
  }

  private static boolean isOrganization(Reference reference, String organizationId) {
    if (reference == null || !reference.hasReference()) {
      return false;
    }
    var id = reference.getReferenceElement();
    return "Organization".equals(id.getResourceType()) && organizationId.equals(id.getIdPart());
  }
}
