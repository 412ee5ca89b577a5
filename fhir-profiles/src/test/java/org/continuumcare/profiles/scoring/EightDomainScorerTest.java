package org.continuumcare.profiles.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EightDomainScorerTest {

  private final EightDomainScorer scorer = new EightDomainScorer();

  /** Ratings in domain order: physical-mental-health .. meaning-purpose. */
  private static List<Answer> ratings(int... values) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      answers.add(
          Answer.numeric("rc-8-" + RecoveryCapitalCodes.DOMAINS.get(i) + "-rating", values[i]));
    }
    return answers;
  }

  @Test
  void eightRatingsGiveATotalAndOneStrengthPerDomain() {
    // 3 + 4 + 1 + 5 + 2 + 3 + 4 + 5 = 27
    List<Answer> answers = ratings(3, 4, 1, 5, 2, 3, 4, 5);
    answers.add(Answer.text("rc-8-safe-housing-notes", "leaving prison with no address"));
    answers.add(Answer.text("rc-8-safe-housing-goal", "a place of my own within six months"));
    ScoringResult result = scorer.score(answers);
    assertThat(result).isInstanceOf(ScoringResult.Scored.class);
    List<Score> scores = ((ScoringResult.Scored) result).scores();
    assertThat(scores.get(0).scoreType()).isEqualTo("rc-8-domain-total");
    assertThat(scores.get(0).value()).isEqualTo(27);
    assertThat(scores.get(0).minPossible()).isEqualTo(8);
    assertThat(scores.get(0).maxPossible()).isEqualTo(40);
    assertThat(scores.subList(1, 9))
        .allSatisfy(s -> assertThat(s.scoreType()).isEqualTo("rc-8-domain-strength"))
        .extracting(s -> s.category().get().code() + "=" + s.value())
        .containsExactly(
            "physical-mental-health=3",
            "family-social-leisure=4",
            "safe-housing=1",
            "peer-support=5",
            "employment-legal=2",
            "vocational-education=3",
            "community-culture=4",
            "meaning-purpose=5");
  }

  @Test
  void notesAndGoalsAreOptional() {
    assertThat(scorer.score(ratings(1, 1, 1, 1, 1, 1, 1, 1)))
        .isInstanceOf(ScoringResult.Scored.class);
  }

  @Test
  void anUnratedDomainGivesNoTotalButKeepsTheOtherStrengths() {
    List<Answer> answers = ratings(3, 4, 1, 5, 2, 3, 4);
    ScoringResult result = scorer.score(answers);
    assertThat(result).isInstanceOf(ScoringResult.Incomplete.class);
    ScoringResult.Incomplete incomplete = (ScoringResult.Incomplete) result;
    assertThat(incomplete.missingItems()).containsExactly("rc-8-meaning-purpose-rating");
    assertThat(incomplete.partialScores())
        .hasSize(7)
        .allSatisfy(s -> assertThat(s.scoreType()).isEqualTo("rc-8-domain-strength"));
  }

  @Test
  void aRatingOfSixIsOutOfRange() {
    ScoringResult result = scorer.score(ratings(3, 4, 1, 6, 2, 3, 4, 5));
    assertThat(((ScoringResult.Rejected) result).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.itemCode()).isEqualTo("rc-8-peer-support-rating"));
  }

  @Test
  void aNumberAsTheGoalIsAWrongType() {
    List<Answer> answers = ratings(3, 4, 1, 5, 2, 3, 4, 5);
    answers.add(Answer.numeric("rc-8-peer-support-goal", 3));
    ScoringResult result = scorer.score(answers);
    assertThat(((ScoringResult.Rejected) result).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.itemCode()).isEqualTo("rc-8-peer-support-goal");
              assertThat(p.kind()).isEqualTo(ItemProblem.Kind.WRONG_TYPE);
            });
  }

  @Test
  void anUnknownDomainItemIsRejected() {
    List<Answer> answers = ratings(3, 4, 1, 5, 2, 3, 4, 5);
    answers.add(Answer.numeric("rc-8-spirituality-rating", 3));
    ScoringResult result = scorer.score(answers);
    assertThat(((ScoringResult.Rejected) result).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.itemCode()).isEqualTo("rc-8-spirituality-rating");
              assertThat(p.kind()).isEqualTo(ItemProblem.Kind.UNKNOWN_ITEM);
            });
  }
}
