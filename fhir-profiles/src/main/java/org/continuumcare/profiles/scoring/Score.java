package org.continuumcare.profiles.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * One derived score. {@code scoreType} is a code of CodeSystem recovery-capital-score-type; {@code
 * category} is the recovery-capital-domain code (8-domain strengths) or the
 * recovery-capital-dimension code (MIRC subscales) the score is about, empty for totals. {@code
 * thresholdMet} is present only for scores with a published cut-off (BARC-10: 47).
 */
public record Score(
    String scoreType,
    Optional<Category> category,
    int value,
    int minPossible,
    int maxPossible,
    Optional<Boolean> thresholdMet) {

  /** A coded category: which CodeSystem (domain or dimension) and which code. */
  public record Category(String system, String code) {
    public Category {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(code, "code");
    }
  }

  public Score {
    Objects.requireNonNull(scoreType, "scoreType");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(thresholdMet, "thresholdMet");
    if (value < minPossible || value > maxPossible) {
      throw new IllegalArgumentException(
          scoreType + " value " + value + " outside " + minPossible + ".." + maxPossible);
    }
  }

  static Score total(String scoreType, int value, int min, int max) {
    return new Score(scoreType, Optional.empty(), value, min, max, Optional.empty());
  }
}
