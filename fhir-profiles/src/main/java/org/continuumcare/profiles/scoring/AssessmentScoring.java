package org.continuumcare.profiles.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Picks the scorer for a QuestionnaireResponse by its Questionnaire canonical (version suffix
 * ignored) and scores it. Responses to other Questionnaires are not ours to score: {@link
 * Optional#empty()}.
 */
public final class AssessmentScoring {

  private final Map<String, InstrumentScorer> byQuestionnaire;

  public AssessmentScoring(List<InstrumentScorer> scorers) {
    this.byQuestionnaire =
        scorers.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    s -> s.definition().questionnaireUrl(), Function.identity()));
  }

  /** BARC-10, MIRC-28 (scored only with a verified key) and the 8-domain assessment. */
  public static AssessmentScoring standard(MircScoringKey mircKey) {
    return new AssessmentScoring(
        List.of(new Barc10Scorer(), new MircScorer(mircKey), new EightDomainScorer()));
  }

  public boolean scores(String questionnaireCanonical) {
    return byQuestionnaire.containsKey(withoutVersion(questionnaireCanonical));
  }

  public Optional<ScoringResult> score(QuestionnaireResponse response) {
    if (!response.hasQuestionnaire()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byQuestionnaire.get(withoutVersion(response.getQuestionnaire())))
        .map(scorer -> scorer.score(QuestionnaireResponseAnswers.read(response)));
  }

  private static String withoutVersion(String canonical) {
    int bar = canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }
}
