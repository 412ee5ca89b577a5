package org.continuumcare.profiles.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

class AssessmentScoringTest {

  private final AssessmentScoring scoring = AssessmentScoring.standard(MircScoringKey.UNVERIFIED);

  private static QuestionnaireResponse barc(String questionnaire, int value) {
    QuestionnaireResponse response = new QuestionnaireResponse().setQuestionnaire(questionnaire);
    for (int i = 1; i <= 10; i++) {
      response
          .addItem()
          .setLinkId(String.format("barc-10-%02d", i))
          .addAnswer()
          .setValue(new IntegerType(value));
    }
    return response;
  }

  @Test
  void picksTheScorerByQuestionnaireCanonicalIgnoringTheVersion() {
    assertThat(scoring.score(barc(RecoveryCapitalCodes.BARC_10_QUESTIONNAIRE + "|0.1.0", 5)))
        .hasValueSatisfying(
            result -> {
              assertThat(result).isInstanceOf(ScoringResult.Scored.class);
              assertThat(((ScoringResult.Scored) result).scores().get(0).value()).isEqualTo(50);
            });
  }

  @Test
  void responsesToOtherQuestionnairesAreNotOursToScore() {
    assertThat(scoring.score(barc("http://loinc.org/q/44249-1", 5))).isEmpty();
    assertThat(scoring.score(new QuestionnaireResponse())).isEmpty();
    assertThat(scoring.scores(RecoveryCapitalCodes.MIRC_28_QUESTIONNAIRE)).isTrue();
    assertThat(scoring.scores(RecoveryCapitalCodes.EIGHT_DOMAIN_QUESTIONNAIRE)).isTrue();
  }
}
