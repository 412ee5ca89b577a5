package org.continuumcare.profiles.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The scoring arithmetic is tested with a TEST key: subscales are items 1-7, 8-14, 15-21, 22-28 and
 * items 2, 6, 9, 16, 17, 23 are reversed. This is NOT the published MIRC chart (which we could not
 * verify); it only exercises subscale sums and reverse scoring.
 */
class MircScorerTest {

  private static final MircScoringKey TEST_KEY =
      MircScoringKey.verified(
          testSubscales(),
          Set.of(
              "mirc-28-02", "mirc-28-06", "mirc-28-09", "mirc-28-16", "mirc-28-17", "mirc-28-23"),
          "unit test");

  private static Map<String, List<String>> testSubscales() {
    Map<String, List<String>> subscales = new LinkedHashMap<>();
    List<String> dimensions = RecoveryCapitalCodes.DIMENSIONS;
    for (int d = 0; d < 4; d++) {
      int first = d * 7 + 1;
      subscales.put(
          dimensions.get(d),
          IntStream.range(first, first + 7).mapToObj(MircScorerTest::item).toList());
    }
    return subscales;
  }

  private static String item(int n) {
    return String.format("mirc-28-%02d", n);
  }

  private static List<Answer> all(int value) {
    List<Answer> answers = new ArrayList<>();
    for (int n = 1; n <= 28; n++) {
      answers.add(Answer.numeric(item(n), value));
    }
    return answers;
  }

  private static Map<String, Integer> byType(List<Score> scores) {
    Map<String, Integer> map = new LinkedHashMap<>();
    scores.forEach(s -> map.put(s.scoreType(), s.value()));
    return map;
  }

  @Test
  void allStronglyAgreeCountsReversedItemsAsOne() {
    // social: 5 x 4 + 2 reversed x (5-4=1) = 22; physical: 6 x 4 + 1 = 25; human: 5 x 4 + 2 = 22;
    // cultural: 6 x 4 + 1 = 25; total 22 + 25 + 22 + 25 = 94
    ScoringResult result = new MircScorer(TEST_KEY).score(all(4));
    assertThat(result).isInstanceOf(ScoringResult.Scored.class);
    assertThat(byType(((ScoringResult.Scored) result).scores()))
        .containsExactly(
            Map.entry("mirc-28-total", 94),
            Map.entry("mirc-28-social-capital", 22),
            Map.entry("mirc-28-physical-capital", 25),
            Map.entry("mirc-28-human-capital", 22),
            Map.entry("mirc-28-cultural-capital", 25));
  }

  @Test
  void strongAgreementWithPositiveItemsAndDisagreementWithReversedOnesScoresTheMaximum112() {
    List<Answer> answers = new ArrayList<>();
    for (int n = 1; n <= 28; n++) {
      boolean reversed = TEST_KEY.reverseScoredItems().contains(item(n));
      answers.add(Answer.numeric(item(n), reversed ? 1 : 4));
    }
    ScoringResult.Scored scored = (ScoringResult.Scored) new MircScorer(TEST_KEY).score(answers);
    assertThat(byType(scored.scores()))
        .containsEntry("mirc-28-total", 112)
        .containsEntry("mirc-28-social-capital", 28)
        .containsEntry("mirc-28-cultural-capital", 28);
  }

  @Test
  void answersOfTwoEverywhereScoreSixtyTwoBecauseReversedItemsCountThree() {
    // every item 2; reversed items count 5-2 = 3: 28 x 2 + 6 reversed x (3-2) = 56 + 6 = 62
    ScoringResult.Scored scored = (ScoringResult.Scored) new MircScorer(TEST_KEY).score(all(2));
    assertThat(byType(scored.scores()))
        .containsEntry("mirc-28-total", 62)
        .containsEntry("mirc-28-social-capital", 16); // 5 x 2 + 2 x 3
  }

  @Test
  void subscaleScoresCarryTheirCapitalDimension() {
    ScoringResult.Scored scored = (ScoringResult.Scored) new MircScorer(TEST_KEY).score(all(3));
    assertThat(scored.scores())
        .filteredOn(s -> s.category().isPresent())
        .extracting(s -> s.category().get().code())
        .containsExactly("social", "physical", "human", "cultural");
    assertThat(scored.scores())
        .filteredOn(s -> s.category().isPresent())
        .allSatisfy(
            s ->
                assertThat(s.category().get().system())
                    .isEqualTo(RecoveryCapitalCodes.DIMENSION_SYSTEM));
  }

  @Test
  void aMissingHumanCapitalItemGivesNoTotalButKeepsTheThreeCompleteSubscales() {
    List<Answer> answers = all(3);
    answers.removeIf(a -> a.itemCode().equals("mirc-28-18"));
    ScoringResult result = new MircScorer(TEST_KEY).score(answers);
    assertThat(result).isInstanceOf(ScoringResult.Incomplete.class);
    ScoringResult.Incomplete incomplete = (ScoringResult.Incomplete) result;
    assertThat(incomplete.missingItems()).containsExactly("mirc-28-18");
    assertThat(incomplete.partialScores())
        .extracting(Score::scoreType)
        .containsExactly(
            "mirc-28-social-capital", "mirc-28-physical-capital", "mirc-28-cultural-capital");
  }

  @Test
  void withoutAVerifiedKeyValidAnswersAreNotScoredAndSayWhy() {
    ScoringResult result = new MircScorer(MircScoringKey.UNVERIFIED).score(all(3));
    assertThat(result).isInstanceOf(ScoringResult.NotScored.class);
    assertThat(((ScoringResult.NotScored) result).reason()).contains("not verified");
  }

  @Test
  void withoutAVerifiedKeyAnOutOfRangeAnswerIsStillRejected() {
    List<Answer> answers = all(3);
    answers.set(4, Answer.numeric("mirc-28-05", 5));
    ScoringResult result = new MircScorer(MircScoringKey.UNVERIFIED).score(answers);
    assertThat(result).isInstanceOf(ScoringResult.Rejected.class);
    assertThat(((ScoringResult.Rejected) result).problems())
        .extracting(ItemProblem::itemCode)
        .containsExactly("mirc-28-05");
  }

  @Test
  void aVerifiedKeyMustSplitTheTwentyEightItemsIntoFourSubscalesOfSeven() {
    Map<String, List<String>> broken = new LinkedHashMap<>(testSubscales());
    broken.put(
        "human", List.of(item(15), item(16), item(17), item(18), item(19), item(20), item(1)));
    assertThatThrownBy(() -> MircScoringKey.verified(broken, Set.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mirc-28-01");
    assertThatThrownBy(() -> MircScoringKey.verified(testSubscales(), Set.of("mirc-28-29"), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mirc-28-29");
  }
}
