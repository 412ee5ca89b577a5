package org.continuumcare.routes.referral;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The Gravity SDOH referral Task lifecycle as a table: for each current status and actor, the
 * statuses that actor may set. The requester sets draft, requested, cancelled and entered-in-error;
 * the recipient sets accepted, rejected, in-progress, on-hold, failed and completed; either side
 * cancels an open referral. Completed, failed, rejected, cancelled and entered-in-error are final,
 * except that the requester may mark any Task entered-in-error. {@code ready} and {@code received}
 * are outside SDOHCC's Referral Task Status ValueSet and never legal: that the partner has received
 * a referral is the business status {@code received} on a Task still {@code requested}.
 */
public final class TaskTransitions {

  private static final TaskTransitions DEFAULT = new TaskTransitions(defaultTable());

  /** Statuses no referral Task may have (SDOHCC Referral Task Status excludes ready, received). */
  private static final Set<TaskStatus> OUTSIDE_LIFECYCLE =
      EnumSet.of(TaskStatus.NULL, TaskStatus.READY, TaskStatus.RECEIVED);

  private final Map<TaskStatus, Map<ActorRole, Set<TaskStatus>>> table;

  TaskTransitions(Map<TaskStatus, Map<ActorRole, Set<TaskStatus>>> table) {
    this.table = Map.copyOf(table);
  }

  /** The referral lifecycle of the Continuum ReferralTask profile. */
  public static TaskTransitions referralLifecycle() {
    return DEFAULT;
  }

  /**
   * Whether {@code actor} may move a Task from {@code from} to {@code to}; same status is always
   * allowed.
   */
  public TransitionCheck check(ActorRole actor, TaskStatus from, TaskStatus to) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Set<TaskStatus> allowedTo = allowedFrom(actor, from);
    boolean allowed = (from == to && !OUTSIDE_LIFECYCLE.contains(from)) || allowedTo.contains(to);
    return new TransitionCheck(allowed, actor, from, to, allowedTo);
  }

  /**
   * The statuses {@code actor} may set when the Task is in {@code from} (empty when final for
   * them).
   */
  public Set<TaskStatus> allowedFrom(ActorRole actor, TaskStatus from) {
    // A Task stored as received before the lifecycle followed SDOHCC moves on as requested.
    TaskStatus row = from == TaskStatus.RECEIVED ? TaskStatus.REQUESTED : from;
    return table.getOrDefault(row, Map.of()).getOrDefault(actor, Set.of());
  }

  private static Map<TaskStatus, Map<ActorRole, Set<TaskStatus>>> defaultTable() {
    Map<TaskStatus, Map<ActorRole, Set<TaskStatus>>> t = new EnumMap<>(TaskStatus.class);
    TaskStatus eie = TaskStatus.ENTEREDINERROR;
    row(
        t,
        TaskStatus.DRAFT,
        EnumSet.of(TaskStatus.REQUESTED, TaskStatus.CANCELLED, eie),
        EnumSet.noneOf(TaskStatus.class));
    row(
        t,
        TaskStatus.REQUESTED,
        EnumSet.of(TaskStatus.CANCELLED, eie),
        EnumSet.of(TaskStatus.ACCEPTED, TaskStatus.REJECTED, TaskStatus.CANCELLED));
    row(
        t,
        TaskStatus.ACCEPTED,
        EnumSet.of(TaskStatus.CANCELLED, eie),
        EnumSet.of(
            TaskStatus.INPROGRESS, TaskStatus.ONHOLD, TaskStatus.FAILED, TaskStatus.CANCELLED));
    row(
        t,
        TaskStatus.INPROGRESS,
        EnumSet.of(TaskStatus.CANCELLED, eie),
        EnumSet.of(
            TaskStatus.ONHOLD, TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED));
    row(
        t,
        TaskStatus.ONHOLD,
        EnumSet.of(TaskStatus.CANCELLED, eie),
        EnumSet.of(TaskStatus.INPROGRESS, TaskStatus.FAILED, TaskStatus.CANCELLED));
    for (TaskStatus terminal :
        EnumSet.of(
            TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.REJECTED, TaskStatus.CANCELLED)) {
      row(t, terminal, EnumSet.of(eie), EnumSet.noneOf(TaskStatus.class));
    }
    return t;
  }

  private static void row(
      Map<TaskStatus, Map<ActorRole, Set<TaskStatus>>> table,
      TaskStatus from,
      Set<TaskStatus> requester,
      Set<TaskStatus> recipient) {
    Map<ActorRole, Set<TaskStatus>> byActor = new EnumMap<>(ActorRole.class);
    byActor.put(ActorRole.REQUESTER, Set.copyOf(requester));
    byActor.put(ActorRole.RECIPIENT, Set.copyOf(recipient));
    table.put(from, Map.copyOf(byActor));
  }
}
