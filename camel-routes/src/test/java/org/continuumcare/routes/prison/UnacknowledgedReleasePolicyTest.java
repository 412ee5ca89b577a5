package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.continuumcare.routes.handoff.HandoffTaskView;
import org.junit.jupiter.api.Test;

class UnacknowledgedReleasePolicyTest {

  private static final LocalDate RELEASE = LocalDate.parse("2026-12-01");
  private final UnacknowledgedReleasePolicy policy =
      new UnacknowledgedReleasePolicy(Duration.ofHours(24), ZoneId.of("UTC"));

  private static HandoffTaskView task(
      String status, String businessStatus, String category, LocalDate release) {
    return new HandoffTaskView("t1", 1, status, businessStatus, Set.of(category), release);
  }

  private static HandoffTaskView requested() {
    return task("requested", "created", "treatment-continuation", RELEASE);
  }

  @Test
  void aRequestedTreatmentTaskIsFlaggedFromExactlyTheAlertTimeBeforeTheStartOfTheReleaseDay() {
    assertThat(policy.mustFlag(requested(), Instant.parse("2026-11-29T23:59:59Z"))).isFalse();
    assertThat(policy.mustFlag(requested(), Instant.parse("2026-11-30T00:00:00Z"))).isTrue();
    assertThat(policy.mustFlag(requested(), Instant.parse("2026-11-30T18:00:00Z"))).isTrue();
  }

  @Test
  void aReleaseAlreadyPastStillFlagsAnUnacknowledgedTask() {
    assertThat(policy.mustFlag(requested(), Instant.parse("2026-12-03T00:00:00Z"))).isTrue();
  }

  @Test
  void receivedByTheProviderButNotAcceptedCountsAsUnacknowledged() {
    assertThat(
            policy.mustFlag(
                task("requested", "received", "moud-continuation", RELEASE),
                Instant.parse("2026-11-30T12:00:00Z")))
        .isTrue();
  }

  @Test
  void aTaskTheProviderAcceptedOrRejectedIsNeverFlagged() {
    Instant late = Instant.parse("2026-11-30T12:00:00Z");
    for (String status :
        new String[] {"accepted", "in-progress", "rejected", "completed", "cancelled", "draft"}) {
      assertThat(policy.mustFlag(task(status, "created", "treatment-continuation", RELEASE), late))
          .as(status)
          .isFalse();
    }
  }

  @Test
  void housingAndEmploymentTasksAreNotTheTreatmentProvidersAndAreNotFlagged() {
    assertThat(
            policy.mustFlag(
                task("requested", "created", "housing-instability", RELEASE),
                Instant.parse("2026-11-30T12:00:00Z")))
        .isFalse();
  }

  @Test
  void aTaskAlreadyFlaggedIsNotFlaggedAgainButCountsAsOutstanding() {
    HandoffTaskView flagged =
        task(
            "requested",
            UnacknowledgedReleasePolicy.NOT_ACKNOWLEDGED,
            "treatment-continuation",
            RELEASE);

    assertThat(policy.mustFlag(flagged, Instant.parse("2026-11-30T12:00:00Z"))).isFalse();
    assertThat(policy.isOutstanding(flagged)).isTrue();
    assertThat(policy.isOutstanding(requested())).isFalse();
    assertThat(
            policy.isOutstanding(
                task(
                    "accepted",
                    UnacknowledgedReleasePolicy.NOT_ACKNOWLEDGED,
                    "treatment-continuation",
                    RELEASE)))
        .isFalse();
  }

  @Test
  void aTaskWithoutReleaseDateIsNotFlagged() {
    assertThat(
            policy.mustFlag(
                task("requested", "created", "treatment-continuation", null),
                Instant.parse("2030-01-01T00:00:00Z")))
        .isFalse();
  }

  @Test
  void theReleaseDayStartsInTheConfiguredZone() {
    UnacknowledgedReleasePolicy chicago =
        new UnacknowledgedReleasePolicy(Duration.ofHours(24), ZoneId.of("America/Chicago"));
    // 2026-12-01T00:00 in Chicago is 06:00Z: the alert starts at 2026-11-30T06:00Z.
    assertThat(chicago.mustFlag(requested(), Instant.parse("2026-11-30T05:59:59Z"))).isFalse();
    assertThat(chicago.mustFlag(requested(), Instant.parse("2026-11-30T06:00:00Z"))).isTrue();
  }

  @Test
  void aNegativeAlertIsRefused() {
    assertThatThrownBy(
            () -> new UnacknowledgedReleasePolicy(Duration.ofHours(-1), ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
