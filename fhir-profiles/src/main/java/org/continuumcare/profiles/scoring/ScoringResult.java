package org.continuumcare.profiles.scoring;

import java.util.List;
import java.util.Objects;

/** The outcome of scoring one completed instrument. */
public sealed interface ScoringResult
    permits ScoringResult.Scored,
        ScoringResult.Incomplete,
        ScoringResult.Rejected,
        ScoringResult.NotScored {

  /** Instrument code (CodeSystem recovery-capital-instrument). */
  String instrument();

  /** Every required item answered: totals and all sub-scores. */
  record Scored(String instrument, List<Score> scores) implements ScoringResult {
    public Scored {
      Objects.requireNonNull(instrument, "instrument");
      scores = List.copyOf(scores);
    }
  }

  /**
   * Some required items unanswered: no total. {@code partialScores} holds the sub-scores whose
   * items are all answered (a complete MIRC subscale, an answered 8-domain rating); {@code
   * missingItems} says what is missing.
   */
  record Incomplete(String instrument, List<String> missingItems, List<Score> partialScores)
      implements ScoringResult {
    public Incomplete {
      Objects.requireNonNull(instrument, "instrument");
      missingItems = List.copyOf(missingItems);
      partialScores = List.copyOf(partialScores);
    }

    public String reason() {
      return "no total for "
          + instrument
          + ": "
          + missingItems.size()
          + " required item(s) unanswered: "
          + String.join(", ", missingItems);
    }
  }

  /**
   * Bad input (unknown items, duplicate answers, wrong types, values out of range): nothing is
   * scored.
   */
  record Rejected(String instrument, List<ItemProblem> problems) implements ScoringResult {
    public Rejected {
      Objects.requireNonNull(instrument, "instrument");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one problem");
      }
    }
  }

  /**
   * The answers are valid but the instrument cannot be scored here (for example an unverified
   * scoring key).
   */
  record NotScored(String instrument, String reason) implements ScoringResult {
    public NotScored {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
