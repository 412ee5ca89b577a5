package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.continuumcare.routes.handoff.HandoffTaskStore;
import org.continuumcare.routes.handoff.HandoffTaskView;
import org.junit.jupiter.api.Test;

class UnacknowledgedHandoffCheckTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  /** An in-memory store that records flags and applies them, as the gateway's does on HAPI. */
  private static final class MemoryStore implements HandoffTaskStore {
    final Map<String, HandoffTaskView> tasks = new LinkedHashMap<>();
    final List<String> flagged = new ArrayList<>();
    boolean concurrentChange;

    void add(String id, String status, LocalDate release) {
      tasks.put(
          id,
          new HandoffTaskView(id, 1, status, "created", Set.of("treatment-continuation"), release));
    }

    @Override
    public List<HandoffTaskView> openHandoffTasks() {
      return tasks.values().stream()
          .filter(t -> Set.of("requested", "received").contains(t.status()))
          .toList();
    }

    @Override
    public boolean flagNotAcknowledged(HandoffTaskView task, Instant at) {
      if (concurrentChange) {
        return false;
      }
      flagged.add(task.taskId() + "@" + at);
      tasks.put(
          task.taskId(),
          new HandoffTaskView(
              task.taskId(),
              task.version() + 1,
              task.status(),
              UnacknowledgedReleasePolicy.NOT_ACKNOWLEDGED,
              task.referralCategories(),
              task.releaseDate()));
      return true;
    }
  }

  private final MemoryStore store = new MemoryStore();
  private final List<String> reports = new ArrayList<>();
  private final UnacknowledgedHandoffCheck check =
      new UnacknowledgedHandoffCheck(
          store,
          new UnacknowledgedReleasePolicy(Duration.ofHours(24), ZoneId.of("UTC")),
          Clock.fixed(NOW, ZoneOffset.UTC),
          (flagged, outstanding) -> reports.add(flagged + "/" + outstanding));

  @Test
  void flagsOnlyTheTasksWhoseReleaseIsNearAndReportsTheCounts() {
    store.add("near", "requested", LocalDate.parse("2026-12-01"));
    store.add("far", "requested", LocalDate.parse("2026-12-10"));
    store.add("accepted", "accepted", LocalDate.parse("2026-12-01"));

    UnacknowledgedHandoffCheck.Result result = check.run();

    assertThat(result).isEqualTo(new UnacknowledgedHandoffCheck.Result(1, 1));
    assertThat(store.flagged).containsExactly("near@" + NOW);
    assertThat(reports).containsExactly("1/1");
  }

  @Test
  void aSecondRunFlagsNothingNewAndStillCountsTheOutstandingTask() {
    store.add("near", "requested", LocalDate.parse("2026-12-01"));

    check.run();
    UnacknowledgedHandoffCheck.Result second = check.run();

    assertThat(second).isEqualTo(new UnacknowledgedHandoffCheck.Result(0, 1));
    assertThat(store.flagged).hasSize(1);
    assertThat(reports).containsExactly("1/1", "0/1");
  }

  @Test
  void aTaskChangedMeanwhileIsLeftForTheNextRun() {
    store.add("near", "requested", LocalDate.parse("2026-12-01"));
    store.concurrentChange = true;

    assertThat(check.run()).isEqualTo(new UnacknowledgedHandoffCheck.Result(0, 0));
    assertThat(store.flagged).isEmpty();
  }
}
