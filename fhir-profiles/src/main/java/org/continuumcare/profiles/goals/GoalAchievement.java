package org.continuumcare.profiles.goals;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

/**
 * {@code Goal.achievementStatus} of a goal that targets a recovery-capital score, from the
 * patient's scores (pure, deterministic): the latest score (by effective time, then id) reaching
 * the target is {@code achieved}; otherwise, compared with the score before it, closer to the
 * target is {@code improving}, further away {@code worsening}, as far {@code no-change}; a single
 * score not reaching it is {@code in-progress}. Only final, amended or corrected scores count; with
 * none, the goal's status is the caller's (empty).
 */
public final class GoalAchievement {

  /** CodeSystem of Goal.achievementStatus. */
  public static final String GOAL_ACHIEVEMENT =
      "http://terminology.hl7.org/CodeSystem/goal-achievement";

  private static final Comparator<Observation> NEWEST_FIRST =
      Comparator.comparing(GoalAchievement::effective, Comparator.reverseOrder())
          .thenComparing(
              o -> o.getIdElement().getIdPart(), Comparator.nullsLast(Comparator.reverseOrder()));

  private GoalAchievement() {}

  /** The achievement code for {@code target} given the patient's {@code scores} (any order). */
  public static Optional<String> code(ScoreTarget target, List<Observation> scores) {
    Objects.requireNonNull(target, "target");
    List<Observation> counted =
        scores.stream()
            .filter(GoalAchievement::counts)
            .filter(target::measures)
            .filter(o -> o.getValue() instanceof IntegerType i && i.getValue() != null)
            .filter(o -> effective(o) != null)
            .sorted(NEWEST_FIRST)
            .toList();
    if (counted.isEmpty()) {
      return Optional.empty();
    }
    int latest = value(counted.get(0));
    if (target.reachedBy(latest)) {
      return Optional.of("achieved");
    }
    if (counted.size() == 1) {
      return Optional.of("in-progress");
    }
    int now = target.distance(latest);
    int before = target.distance(value(counted.get(1)));
    return Optional.of(now < before ? "improving" : now > before ? "worsening" : "no-change");
  }

  /**
   * Sets {@code goal.achievementStatus} from {@code scores} when the goal targets a score and a
   * score counts; returns whether it changed.
   */
  public static boolean apply(Goal goal, List<Observation> scores) {
    Optional<String> code = ScoreTarget.of(goal).flatMap(target -> code(target, scores));
    if (code.isEmpty()) {
      return false;
    }
    String current =
        goal.getAchievementStatus().getCoding().stream()
            .filter(c -> GOAL_ACHIEVEMENT.equals(c.getSystem()))
            .map(Coding::getCode)
            .findFirst()
            .orElse(null);
    if (code.get().equals(current)) {
      return false;
    }
    goal.setAchievementStatus(
        new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, code.get(), display(code.get()))));
    return true;
  }

  private static boolean counts(Observation o) {
    ObservationStatus status = o.getStatus();
    return status == ObservationStatus.FINAL
        || status == ObservationStatus.AMENDED
        || status == ObservationStatus.CORRECTED;
  }

  private static Date effective(Observation o) {
    return o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().getValue() : null;
  }

  private static int value(Observation o) {
    return ((IntegerType) o.getValue()).getValue();
  }

  private static String display(String code) {
    return switch (code) {
      case "achieved" -> "Achieved";
      case "improving" -> "Improving";
      case "worsening" -> "Worsening";
      case "no-change" -> "No Change";
      default -> "In Progress";
    };
  }
}
