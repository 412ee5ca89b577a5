package org.continuumcare.profiles.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Our 8-domain recovery-capital strengths assessment: for each TreatNet domain a strength rating 1
 * (a significant barrier) .. 5 (a real strength), optional notes and the client's own goal for the
 * domain. One strength score per answered domain (1..5) and, when all eight are rated, a total
 * 8..40.
 */
public final class EightDomainScorer implements InstrumentScorer {

  public static final String INSTRUMENT = "rc-8-domain";
  public static final int MIN_RATING = 1;
  public static final int MAX_RATING = 5;

  private static final InstrumentDefinition DEFINITION =
      new InstrumentDefinition(
          INSTRUMENT, RecoveryCapitalCodes.EIGHT_DOMAIN_QUESTIONNAIRE, items());

  static String ratingItem(String domain) {
    return "rc-8-" + domain + "-rating";
  }

  private static List<ItemSpec> items() {
    List<ItemSpec> items = new ArrayList<>();
    for (String domain : RecoveryCapitalCodes.DOMAINS) {
      items.add(ItemSpec.scale(ratingItem(domain), MIN_RATING, MAX_RATING));
      items.add(ItemSpec.optionalText("rc-8-" + domain + "-notes"));
      items.add(ItemSpec.optionalText("rc-8-" + domain + "-goal"));
    }
    return items;
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
    List<Score> strengths = new ArrayList<>();
    for (String domain : RecoveryCapitalCodes.DOMAINS) {
      String item = ratingItem(domain);
      if (sheet.allAnswered(List.of(item))) {
        strengths.add(
            new Score(
                "rc-8-domain-strength",
                Optional.of(new Score.Category(RecoveryCapitalCodes.DOMAIN_SYSTEM, domain)),
                sheet.value(item),
                MIN_RATING,
                MAX_RATING,
                Optional.empty()));
      }
    }
    if (!sheet.complete()) {
      return new ScoringResult.Incomplete(INSTRUMENT, sheet.missing(), strengths);
    }
    int count = RecoveryCapitalCodes.DOMAINS.size();
    int total = strengths.stream().mapToInt(Score::value).sum();
    List<Score> scores = new ArrayList<>();
    scores.add(Score.total("rc-8-domain-total", total, count * MIN_RATING, count * MAX_RATING));
    scores.addAll(strengths);
    return new ScoringResult.Scored(INSTRUMENT, scores);
  }
}
