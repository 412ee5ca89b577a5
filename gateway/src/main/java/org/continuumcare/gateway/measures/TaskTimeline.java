package org.continuumcare.gateway.measures;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Task;

/**
 * When each referral Task first reached a state, read from its versions (HAPI keeps every one): the
 * time of a version is its {@code Task.lastModified}, or when the server stored it if that is
 * absent. Accepted means any of accepted, in-progress, on-hold or completed (the partner took the
 * referral on), as in the shipped {@code referral_tasks} view.
 */
final class TaskTimeline {

  static final Set<String> ACCEPTED = Set.of("accepted", "in-progress", "on-hold", "completed");
  static final String NOT_ACKNOWLEDGED = "not-acknowledged-before-release";

  /** What the versions of one Task say. */
  static final class Entry {
    String focus;
    Instant accepted;
    Instant completed;
    boolean flaggedNotAcknowledged;

    /** When each business status code was first seen (by version time). */
    final Map<String, Instant> businessStatus = new HashMap<>();
  }

  private final Map<String, Entry> byTask = new HashMap<>();

  static TaskTimeline of(List<Task> versions) {
    TaskTimeline timeline = new TaskTimeline();
    for (Task version : versions) {
      if (!version.hasStatus()) {
        continue;
      }
      Entry entry =
          timeline.byTask.computeIfAbsent(version.getIdElement().getIdPart(), id -> new Entry());
      if (version.getFocus().hasReference()) {
        entry.focus =
            version.getFocus().getReferenceElement().toUnqualifiedVersionless().getValue();
      }
      Instant at =
          version.hasLastModified()
              ? version.getLastModified().toInstant()
              : version.getMeta().getLastUpdated() == null
                  ? null
                  : version.getMeta().getLastUpdated().toInstant();
      String status = version.getStatus().toCode();
      if (at != null && ACCEPTED.contains(status)) {
        entry.accepted = earliest(entry.accepted, at);
      }
      if (at != null && "completed".equals(status)) {
        entry.completed = earliest(entry.completed, at);
      }
      for (org.hl7.fhir.r4.model.Coding code : version.getBusinessStatus().getCoding()) {
        if (NOT_ACKNOWLEDGED.equals(code.getCode())) {
          entry.flaggedNotAcknowledged = true;
        }
        if (at != null && code.hasCode()) {
          entry.businessStatus.merge(code.getCode(), at, TaskTimeline::earliest);
        }
      }
    }
    return timeline;
  }

  Entry of(String taskId) {
    return byTask.getOrDefault(taskId, new Entry());
  }

  /** The Tasks (by id) whose focus is {@code referral} ({@code ServiceRequest/x}). */
  Map<String, Entry> forReferral(String referral) {
    Map<String, Entry> found = new HashMap<>();
    byTask.forEach(
        (id, entry) -> {
          if (referral.equals(entry.focus)) {
            found.put(id, entry);
          }
        });
    return found;
  }

  private static Instant earliest(Instant current, Instant candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }
}
