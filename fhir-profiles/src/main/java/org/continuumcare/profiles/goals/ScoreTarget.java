package org.continuumcare.profiles.goals;

import java.util.Objects;
import java.util.Optional;
import org.continuumcare.profiles.scoring.RecoveryCapitalCodes;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Range;

/**
 * A recovery goal's target on a recovery-capital score: {@code Goal.target.measure} is a code of
 * CodeSystem recovery-capital-score-type, and {@code detailInteger} (reach at least this value) or
 * {@code detailRange} (be within low..high; either end may be open) says what counts as reached. A
 * domain strength ({@code rc-8-domain-strength}) is the one of the Goal's own domain (extension
 * recovery-capital-domain); other scores (instrument totals) have no domain.
 *
 * @param scoreCode the score type code
 * @param domain the domain code a domain strength must have, or null
 * @param atLeast the detailInteger, or null
 * @param low lower end of the detailRange (inclusive), or null
 * @param high upper end of the detailRange (inclusive), or null
 */
public record ScoreTarget(
    String scoreCode, String domain, Integer atLeast, Integer low, Integer high) {

  static final String DOMAIN_STRENGTH = "rc-8-domain-strength";
  static final String DOMAIN_EXTENSION =
      RecoveryCapitalCodes.BASE + "/StructureDefinition/recovery-capital-domain";

  public ScoreTarget {
    Objects.requireNonNull(scoreCode, "scoreCode");
    if (atLeast == null && low == null && high == null) {
      throw new IllegalArgumentException("a score target needs a value or a range");
    }
  }

  /** The first target of {@code goal} that measures a recovery-capital score, if any. */
  public static Optional<ScoreTarget> of(Goal goal) {
    for (Goal.GoalTargetComponent target : goal.getTarget()) {
      Optional<String> code = scoreCode(target.getMeasure());
      if (code.isEmpty()) {
        continue;
      }
      String domain = DOMAIN_STRENGTH.equals(code.get()) ? domainOf(goal) : null;
      if (target.getDetail() instanceof IntegerType value && value.getValue() != null) {
        return Optional.of(new ScoreTarget(code.get(), domain, value.getValue(), null, null));
      }
      if (target.getDetail() instanceof Range range
          && (range.getLow().hasValue() || range.getHigh().hasValue())) {
        return Optional.of(
            new ScoreTarget(
                code.get(),
                domain,
                null,
                range.getLow().hasValue() ? range.getLow().getValue().intValue() : null,
                range.getHigh().hasValue() ? range.getHigh().getValue().intValue() : null));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code score} is a score this target measures (same score type, and domain). */
  public boolean measures(Observation score) {
    boolean sameCode =
        score.getCode().getCoding().stream()
            .anyMatch(
                c ->
                    RecoveryCapitalCodes.SCORE_TYPE_SYSTEM.equals(c.getSystem())
                        && scoreCode.equals(c.getCode()));
    if (!sameCode || domain == null) {
      return sameCode;
    }
    return score.getCategory().stream()
        .flatMap(c -> c.getCoding().stream())
        .anyMatch(
            c ->
                RecoveryCapitalCodes.DOMAIN_SYSTEM.equals(c.getSystem())
                    && domain.equals(c.getCode()));
  }

  /** Whether {@code value} reaches the target. */
  public boolean reachedBy(int value) {
    return distance(value) == 0;
  }

  /** How far {@code value} is from the target (0 when reached). */
  public int distance(int value) {
    if (atLeast != null) {
      return Math.max(0, atLeast - value);
    }
    if (low != null && value < low) {
      return low - value;
    }
    if (high != null && value > high) {
      return value - high;
    }
    return 0;
  }

  private static Optional<String> scoreCode(CodeableConcept measure) {
    if (measure == null) {
      return Optional.empty();
    }
    return measure.getCoding().stream()
        .filter(c -> RecoveryCapitalCodes.SCORE_TYPE_SYSTEM.equals(c.getSystem()))
        .map(Coding::getCode)
        .filter(Objects::nonNull)
        .findFirst();
  }

  private static String domainOf(Goal goal) {
    Extension extension = goal.getExtensionByUrl(DOMAIN_EXTENSION);
    if (extension != null && extension.getValue() instanceof CodeableConcept concept) {
      return concept.getCoding().stream()
          .filter(c -> RecoveryCapitalCodes.DOMAIN_SYSTEM.equals(c.getSystem()))
          .map(Coding::getCode)
          .findFirst()
          .orElse(null);
    }
    return null;
  }
}
