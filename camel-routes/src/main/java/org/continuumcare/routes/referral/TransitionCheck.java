package org.continuumcare.routes.referral;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The answer to "may this actor move the Task from {@code from} to {@code to}?".
 *
 * @param allowed whether the transition is legal (a same-status update is legal and changes
 *     nothing)
 * @param actor who asked
 * @param from current Task.status
 * @param to requested Task.status
 * @param allowedTo the statuses this actor may move the Task to from {@code from} (the
 *     OperationOutcome text)
 */
public record TransitionCheck(
    boolean allowed, ActorRole actor, TaskStatus from, TaskStatus to, Set<TaskStatus> allowedTo) {

  public TransitionCheck {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    allowedTo = Set.copyOf(allowedTo);
  }

  /** True when the status does not change (only business status, note or outcome may). */
  public boolean unchanged() {
    return from == to;
  }

  /** Human-readable reason, naming the transitions that are allowed from the current status. */
  public String message() {
    if (allowed) {
      return "Task status "
          + from.toCode()
          + " -> "
          + to.toCode()
          + " is allowed for the "
          + roleName();
    }
    String options =
        allowedTo.isEmpty()
            ? "none (" + from.toCode() + " is final for the " + roleName() + ")"
            : allowedTo.stream().map(TaskStatus::toCode).sorted().collect(Collectors.joining(", "));
    return "Task status "
        + from.toCode()
        + " -> "
        + to.toCode()
        + " is not allowed for the "
        + roleName()
        + "; allowed from "
        + from.toCode()
        + ": "
        + options;
  }

  /**
   * Throws a HAPI exception (HTTP 422 with an OperationOutcome carrying {@link #message()}) when
   * illegal.
   */
  public TransitionCheck orThrow() {
    if (!allowed) {
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(IssueType.BUSINESSRULE)
          .setDiagnostics(message())
          .addExpression("Task.status");
      throw new UnprocessableEntityException(message(), outcome);
    }
    return this;
  }

  private String roleName() {
    return actor == ActorRole.REQUESTER ? "requester" : "recipient";
  }
}
