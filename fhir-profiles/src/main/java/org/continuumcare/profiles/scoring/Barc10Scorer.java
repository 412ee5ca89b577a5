package org.continuumcare.profiles.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * BARC-10 (Vilsaint et al. 2017): ten items, each 1 (strongly disagree) .. 6 (strongly agree), no
 * reverse items; total 10..60; a total of 47 or more is the published cut-off associated with
 * sustained remission.
 */
public final class Barc10Scorer implements InstrumentScorer {

  public static final String INSTRUMENT = "barc-10";
  public static final int REMISSION_THRESHOLD = 47;
  static final List<String> ITEMS =
      IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("barc-10-%02d", i)).toList();

  /**
   * The Questionnaire's read-only total (an SDC calculatedExpression over the answers'
   * ordinalValue): a form filler may send it; it is accepted when in range and not used, the total
   * is computed here.
   */
  static final String TOTAL_ITEM = "barc-10-total";

  private static final InstrumentDefinition DEFINITION =
      new InstrumentDefinition(
          INSTRUMENT,
          RecoveryCapitalCodes.BARC_10_QUESTIONNAIRE,
          java.util.stream.Stream.concat(
                  ITEMS.stream().map(code -> ItemSpec.scale(code, 1, 6)),
                  java.util.stream.Stream.of(
                      new ItemSpec(TOTAL_ITEM, ItemSpec.Kind.SCALE, false, 10, 60)))
              .toList());

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
    if (!sheet.complete()) {
      return new ScoringResult.Incomplete(INSTRUMENT, sheet.missing(), List.of());
    }
    int total = sheet.sum(ITEMS);
    Score score =
        new Score(
            "barc-10-total",
            Optional.empty(),
            total,
            10,
            60,
            Optional.of(total >= REMISSION_THRESHOLD));
    return new ScoringResult.Scored(INSTRUMENT, List.of(score));
  }
}
