package org.continuumcare.routes.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.referral.ActorRole;
import org.continuumcare.routes.referral.CurrentTaskState;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.StatusUpdatePolicy;
import org.continuumcare.routes.referral.StatusUpdateVerdict;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.routes.referral.TaskUpdateApplier;
import org.continuumcare.routes.referral.UpdateDecision;
import org.continuumcare.terminology.CodeSystemLookup;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * A housing partner's callbacks, some replayed and some late, run through mapper, policy and
 * applier.
 */
class HousingStatusSequenceTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-20T12:00:00Z"), ZoneOffset.UTC);
  private final HousingStatusCallbackMapper mapper =
      new HousingStatusCallbackMapper(
          PartnerCodeMap.fromClasspath(HousingStatusCallbackMapper.STATUS_MAP_RESOURCE), CLOCK);
  private final StatusUpdatePolicy policy = StatusUpdatePolicy.referralDefault();
  private final TaskUpdateApplier applier = new TaskUpdateApplier(CodeSystemLookup.shared());

  private Task task = ReferralFixtures.task("task-h1", "jordan-referral-housing");
  private final List<UpdateDecision> decisions = new ArrayList<>();

  private void receive(String status, String eventTime) {
    TaskStatusUpdate update =
        mapper.map(new HousingStatusCallback("task-h1", "ODH-77", status, null, eventTime, null));
    StatusUpdateVerdict verdict =
        policy.decide(CurrentTaskState.of(task), update, ActorRole.RECIPIENT);
    decisions.add(verdict.decision());
    if (verdict.apply()) {
      task = applier.apply(task, update);
    }
  }

  @Test
  void replaysAndLateCallbacksNeverMoveTheTaskBackwards() {
    receive("RECEIVED", "2026-11-22T08:00:00Z");
    receive("WAITLISTED", "2026-11-23T14:05:00Z");
    receive("WAITLISTED", "2026-11-23T14:05:00Z"); // replay
    receive("INTAKE_SCHEDULED", "2026-12-02T09:00:00Z");
    receive("HOUSED", "2026-12-10T16:00:00Z"); // skipped a step: in-progress -> completed is legal
    receive("INTAKE_ATTENDED", "2026-12-05T10:00:00Z"); // arrives late
    receive("DECLINED", "2026-12-11T10:00:00Z"); // completed is final for the partner

    assertThat(decisions)
        .containsExactly(
            UpdateDecision.APPLY,
            UpdateDecision.APPLY,
            UpdateDecision.DUPLICATE,
            UpdateDecision.APPLY,
            UpdateDecision.APPLY,
            UpdateDecision.STALE,
            UpdateDecision.ILLEGAL_TRANSITION);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo("placed-in-housing");
    assertThat(task.getLastModified().toInstant()).isEqualTo(Instant.parse("2026-12-10T16:00:00Z"));
  }
}
