package org.continuumcare.profiles.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.continuumcare.profiles.scoring.RecoveryCapitalCodes;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.junit.jupiter.api.Test;

class GoalAchievementTest {

  private static Goal housingGoal(org.hl7.fhir.r4.model.Type detail) {
    Goal goal = new Goal();
    goal.addExtension(
        ScoreTarget.DOMAIN_EXTENSION,
        new CodeableConcept(new Coding(RecoveryCapitalCodes.DOMAIN_SYSTEM, "safe-housing", null)));
    goal.addTarget()
        .setMeasure(
            new CodeableConcept(
                new Coding(RecoveryCapitalCodes.SCORE_TYPE_SYSTEM, "rc-8-domain-strength", null)))
        .setDetail(detail);
    return goal;
  }

  private static Observation strength(String id, String domain, int value, String when) {
    Observation o = new Observation();
    o.setId(id);
    o.setStatus(ObservationStatus.FINAL);
    o.setCode(
        new CodeableConcept(
            new Coding(RecoveryCapitalCodes.SCORE_TYPE_SYSTEM, "rc-8-domain-strength", null)));
    o.addCategory(
        new CodeableConcept(new Coding(RecoveryCapitalCodes.DOMAIN_SYSTEM, domain, null)));
    o.setEffective(new DateTimeType(when));
    o.setValue(new IntegerType(value));
    return o;
  }

  private static ScoreTarget atLeast4() {
    return ScoreTarget.of(housingGoal(new IntegerType(4))).orElseThrow();
  }

  @Test
  void aGoalTargetsTheDomainStrengthOfItsOwnDomain() {
    ScoreTarget target = atLeast4();

    assertThat(target)
        .isEqualTo(new ScoreTarget("rc-8-domain-strength", "safe-housing", 4, null, null));
    assertThat(target.measures(strength("a", "safe-housing", 1, "2026-11-20"))).isTrue();
    assertThat(target.measures(strength("b", "peer-support", 1, "2026-11-20"))).isFalse();
  }

  @Test
  void aSingleScoreBelowTheTargetIsInProgress() {
    assertThat(
            GoalAchievement.code(
                atLeast4(), List.of(strength("a", "safe-housing", 1, "2026-11-20"))))
        .contains("in-progress");
  }

  @Test
  void aLatestScoreCloserToTheTargetIsImprovingWhateverTheOrderGiven() {
    List<Observation> scores =
        List.of(
            strength("b", "safe-housing", 3, "2027-01-20"),
            strength("a", "safe-housing", 1, "2026-11-20"));

    assertThat(GoalAchievement.code(atLeast4(), scores)).contains("improving");
    assertThat(GoalAchievement.code(atLeast4(), List.of(scores.get(1), scores.get(0))))
        .contains("improving");
  }

  @Test
  void aLatestScoreFurtherFromTheTargetIsWorsening() {
    assertThat(
            GoalAchievement.code(
                atLeast4(),
                List.of(
                    strength("a", "safe-housing", 3, "2026-11-20"),
                    strength("b", "safe-housing", 2, "2027-01-20"))))
        .contains("worsening");
  }

  @Test
  void theSameDistanceIsNoChange() {
    assertThat(
            GoalAchievement.code(
                atLeast4(),
                List.of(
                    strength("a", "safe-housing", 2, "2026-11-20"),
                    strength("b", "safe-housing", 2, "2027-01-20"))))
        .contains("no-change");
  }

  @Test
  void reachingTheTargetIsAchievedEvenAfterAWorseScore() {
    assertThat(
            GoalAchievement.code(
                atLeast4(),
                List.of(
                    strength("a", "safe-housing", 5, "2026-11-20"),
                    strength("b", "safe-housing", 4, "2027-01-20"))))
        .contains("achieved");
  }

  @Test
  void aRangeIsReachedInsideItAndMeasuredFromTheNearerEnd() {
    ScoreTarget range =
        ScoreTarget.of(
                housingGoal(
                    new Range()
                        .setLow(new Quantity().setValue(3))
                        .setHigh(new Quantity().setValue(4))))
            .orElseThrow();

    assertThat(range.distance(1)).isEqualTo(2);
    assertThat(range.distance(5)).isEqualTo(1);
    assertThat(
            GoalAchievement.code(
                range,
                List.of(
                    strength("a", "safe-housing", 5, "2026-11-20"),
                    strength("b", "safe-housing", 3, "2027-01-20"))))
        .contains("achieved");
    assertThat(
            GoalAchievement.code(
                range,
                List.of(
                    strength("a", "safe-housing", 5, "2026-11-20"),
                    strength("b", "safe-housing", 1, "2027-01-20"))))
        .contains("worsening");
  }

  @Test
  void cancelledScoresAndOtherDomainsDoNotCount() {
    Observation cancelled = strength("b", "safe-housing", 5, "2027-01-20");
    cancelled.setStatus(ObservationStatus.CANCELLED);

    assertThat(
            GoalAchievement.code(
                atLeast4(),
                List.of(
                    strength("a", "safe-housing", 1, "2026-11-20"),
                    cancelled,
                    strength("c", "peer-support", 5, "2027-02-01"))))
        .contains("in-progress");
    assertThat(GoalAchievement.code(atLeast4(), List.of(cancelled))).isEmpty();
  }

  @Test
  void aGoalWithoutAScoreTargetIsLeftAlone() {
    Goal goal = new Goal();
    goal.addTarget().setDue(new org.hl7.fhir.r4.model.DateType("2027-06-15"));

    assertThat(ScoreTarget.of(goal)).isEmpty();
    assertThat(GoalAchievement.apply(goal, List.of(strength("a", "safe-housing", 5, "2027-01-20"))))
        .isFalse();
    assertThat(goal.hasAchievementStatus()).isFalse();
  }

  @Test
  void applySetsTheCodedStatusAndSaysWhetherItChanged() {
    Goal goal = housingGoal(new IntegerType(4));
    List<Observation> scores = List.of(strength("a", "safe-housing", 4, "2027-01-20"));

    assertThat(GoalAchievement.apply(goal, scores)).isTrue();
    assertThat(goal.getAchievementStatus().getCodingFirstRep().getSystem())
        .isEqualTo(GoalAchievement.GOAL_ACHIEVEMENT);
    assertThat(goal.getAchievementStatus().getCodingFirstRep().getCode()).isEqualTo("achieved");
    assertThat(GoalAchievement.apply(goal, scores)).isFalse();
  }
}
