package org.continuumcare.profiles.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Barc10ScorerTest {

  private final Barc10Scorer scorer = new Barc10Scorer();

  private static List<Answer> answers(int... values) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      answers.add(Answer.numeric(String.format("barc-10-%02d", i + 1), values[i]));
    }
    return answers;
  }

  private static Score onlyScore(ScoringResult result) {
    assertThat(result).isInstanceOf(ScoringResult.Scored.class);
    List<Score> scores = ((ScoringResult.Scored) result).scores();
    assertThat(scores).hasSize(1);
    return scores.get(0);
  }

  @Test
  void allStronglyAgreeScoresTheMaximumSixtyAndMeetsTheThreshold() {
    // 10 items x 6 = 60
    Score score = onlyScore(scorer.score(answers(6, 6, 6, 6, 6, 6, 6, 6, 6, 6)));
    assertThat(score.scoreType()).isEqualTo("barc-10-total");
    assertThat(score.value()).isEqualTo(60);
    assertThat(score.thresholdMet()).contains(true);
    assertThat(score.category()).isEmpty();
  }

  @Test
  void allStronglyDisagreeScoresTheMinimumTenAndMissesTheThreshold() {
    // 10 items x 1 = 10
    Score score = onlyScore(scorer.score(answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
    assertThat(score.value()).isEqualTo(10);
    assertThat(score.thresholdMet()).contains(false);
  }

  @Test
  void fortySevenExactlyMeetsThePublishedCutOff() {
    // 7 x 5 + 3 x 4 = 35 + 12 = 47
    Score score = onlyScore(scorer.score(answers(5, 5, 5, 5, 5, 5, 5, 4, 4, 4)));
    assertThat(score.value()).isEqualTo(47);
    assertThat(score.thresholdMet()).contains(true);
  }

  @Test
  void theTotalAFormFillerCalculatedIsAcceptedAndTheTotalIsComputedHere() {
    // 7 x 5 + 3 x 4 = 47, whatever the form filler's calculatedExpression sent
    List<Answer> answers = answers(5, 5, 5, 5, 5, 5, 5, 4, 4, 4);
    answers.add(Answer.numeric("barc-10-total", 47));

    Score score = onlyScore(scorer.score(answers));

    assertThat(score.value()).isEqualTo(47);
  }

  @Test
  void aTotalOutsideTenToSixtyIsRejectedNamingIt() {
    List<Answer> answers = answers(5, 5, 5, 5, 5, 5, 5, 4, 4, 4);
    answers.add(Answer.numeric("barc-10-total", 61));

    ScoringResult result = scorer.score(answers);

    assertThat(result).isInstanceOf(ScoringResult.Rejected.class);
    assertThat(((ScoringResult.Rejected) result).problems())
        .extracting(ItemProblem::itemCode)
        .containsExactly("barc-10-total");
  }

  @Test
  void fortySixIsJustBelowTheCutOff() {
    // 6 x 5 + 4 x 4 = 30 + 16 = 46
    Score score = onlyScore(scorer.score(answers(5, 5, 5, 5, 5, 5, 4, 4, 4, 4)));
    assertThat(score.value()).isEqualTo(46);
    assertThat(score.thresholdMet()).contains(false);
  }

  @Test
  void aMissingItemGivesNoTotalAndNamesTheItem() {
    List<Answer> nine = answers(6, 6, 6, 6, 6, 6, 6, 6, 6, 6);
    nine.remove(2);
    ScoringResult result = scorer.score(nine);
    assertThat(result).isInstanceOf(ScoringResult.Incomplete.class);
    ScoringResult.Incomplete incomplete = (ScoringResult.Incomplete) result;
    assertThat(incomplete.missingItems()).containsExactly("barc-10-03");
    assertThat(incomplete.partialScores()).isEmpty();
    assertThat(incomplete.reason()).contains("barc-10-03");
  }

  @Test
  void anAnswerAboveSixIsRejectedNamingTheItem() {
    List<Answer> answers = answers(6, 6, 6, 6, 7, 6, 6, 6, 6, 6);
    ScoringResult result = scorer.score(answers);
    assertThat(result).isInstanceOf(ScoringResult.Rejected.class);
    assertThat(((ScoringResult.Rejected) result).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.itemCode()).isEqualTo("barc-10-05");
              assertThat(p.kind()).isEqualTo(ItemProblem.Kind.OUT_OF_RANGE);
              assertThat(p.message()).contains("7").contains("1..6");
            });
  }

  @Test
  void zeroIsOutOfRangeBecauseTheScaleStartsAtOne() {
    ScoringResult result = scorer.score(answers(0, 6, 6, 6, 6, 6, 6, 6, 6, 6));
    assertThat(((ScoringResult.Rejected) result).problems())
        .extracting(ItemProblem::itemCode)
        .containsExactly("barc-10-01");
  }

  @Test
  void unknownItemsAndDuplicateAnswersAreRejectedEachNamed() {
    List<Answer> answers = answers(6, 6, 6, 6, 6, 6, 6, 6, 6, 6);
    answers.add(Answer.numeric("barc-10-11", 3));
    answers.add(Answer.numeric("barc-10-04", 2));
    ScoringResult result = scorer.score(answers);
    assertThat(result).isInstanceOf(ScoringResult.Rejected.class);
    assertThat(((ScoringResult.Rejected) result).problems())
        .extracting(ItemProblem::itemCode, ItemProblem::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("barc-10-11", ItemProblem.Kind.UNKNOWN_ITEM),
            org.assertj.core.groups.Tuple.tuple("barc-10-04", ItemProblem.Kind.DUPLICATE_ANSWER));
  }

  @Test
  void aTextAnswerToAScaleItemIsAWrongType() {
    List<Answer> answers = answers(6, 6, 6, 6, 6, 6, 6, 6, 6);
    answers.add(Answer.text("barc-10-10", "agree"));
    ScoringResult result = scorer.score(answers);
    assertThat(((ScoringResult.Rejected) result).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.itemCode()).isEqualTo("barc-10-10");
              assertThat(p.kind()).isEqualTo(ItemProblem.Kind.WRONG_TYPE);
            });
  }
}
