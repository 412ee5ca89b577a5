package org.continuumcare.profiles.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * MIRC (Bowen et al. 2023): 28 items, each 1 (strongly disagree) .. 4 (strongly agree); four
 * capital subscales of seven items (7..28 each) and a total (28..112), reverse-scored items
 * counting 5 - answer. Which items form which subscale and which are reversed comes from a {@link
 * MircScoringKey}; without a verified key the answers are still checked (unknown, duplicate,
 * out-of-range items are rejected) but no score is produced.
 */
public final class MircScorer implements InstrumentScorer {

  public static final String INSTRUMENT = "mirc-28";
  static final List<String> ITEMS =
      IntStream.rangeClosed(1, 28).mapToObj(i -> String.format("mirc-28-%02d", i)).toList();

  private static final InstrumentDefinition DEFINITION =
      new InstrumentDefinition(
          INSTRUMENT,
          RecoveryCapitalCodes.MIRC_28_QUESTIONNAIRE,
          ITEMS.stream().map(code -> ItemSpec.scale(code, 1, 4)).toList());

  private final MircScoringKey key;

  public MircScorer(MircScoringKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public InstrumentDefinition definition() {
    return DEFINITION;
  }

  @Override
  public ScoringResult score(Collection<? extends Answer> answers) {
    AnswerSheet sheet = AnswerSheet.check(DEFINITION, answers);
    if (sheet.hasProblems()) {
      return new ScoringResult.Rejected(INSTRUMENT, sheet.problems());
    }
    if (!key.verified()) {
      return new ScoringResult.NotScored(INSTRUMENT, key.source());
    }
    List<Score> subscales = new ArrayList<>();
    for (String dimension : RecoveryCapitalCodes.DIMENSIONS) {
      List<String> items = key.subscales().get(dimension);
      if (sheet.allAnswered(items)) {
        int value = items.stream().mapToInt(item -> key.points(item, sheet.value(item))).sum();
        subscales.add(
            new Score(
                "mirc-28-" + dimension + "-capital",
                Optional.of(new Score.Category(RecoveryCapitalCodes.DIMENSION_SYSTEM, dimension)),
                value,
                7,
                28,
                Optional.empty()));
      }
    }
    if (!sheet.complete()) {
      return new ScoringResult.Incomplete(INSTRUMENT, sheet.missing(), subscales);
    }
    int total = subscales.stream().mapToInt(Score::value).sum();
    List<Score> scores = new ArrayList<>();
    scores.add(Score.total("mirc-28-total", total, 28, 112));
    scores.addAll(subscales);
    return new ScoringResult.Scored(INSTRUMENT, scores);
  }
}
