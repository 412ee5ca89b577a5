package org.continuumcare.profiles.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class QuestionnaireResponseAnswersTest {

  @Test
  void readsAnswersInsideDomainGroups() {
    QuestionnaireResponse response = new QuestionnaireResponse();
    var group = response.addItem().setLinkId("rc-8-safe-housing");
    group.addItem().setLinkId("rc-8-safe-housing-rating").addAnswer().setValue(new IntegerType(2));
    group
        .addItem()
        .setLinkId("rc-8-safe-housing-goal")
        .addAnswer()
        .setValue(new StringType("own flat"));

    assertThat(QuestionnaireResponseAnswers.read(response))
        .containsExactly(
            new Answer.Numeric("rc-8-safe-housing-rating", 2),
            new Answer.Text("rc-8-safe-housing-goal", "own flat"));
  }

  @Test
  void anAgreementScaleCodingIsReadAsItsNumber() {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response
        .addItem()
        .setLinkId("barc-10-01")
        .addAnswer()
        .setValue(new Coding(RecoveryCapitalCodes.AGREEMENT_6_SYSTEM, "5", "Agree"));
    assertThat(QuestionnaireResponseAnswers.read(response))
        .containsExactly(new Answer.Numeric("barc-10-01", 5));
  }

  @Test
  void twoAnswersToOneItemStayTwoAnswersSoTheScorerSeesTheDuplicate() {
    QuestionnaireResponse response = new QuestionnaireResponse();
    var item = response.addItem().setLinkId("barc-10-02");
    item.addAnswer().setValue(new IntegerType(3));
    item.addAnswer().setValue(new IntegerType(4));
    List<Answer> answers = QuestionnaireResponseAnswers.read(response);
    assertThat(answers).hasSize(2);
    ScoringResult result = new Barc10Scorer().score(answers);
    assertThat(((ScoringResult.Rejected) result).problems())
        .extracting(ItemProblem::itemCode, ItemProblem::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("barc-10-02", ItemProblem.Kind.DUPLICATE_ANSWER));
  }

  @Test
  void otherAnswerTypesAreKeptWithTheirTypeName() {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.addItem().setLinkId("barc-10-03").addAnswer().setValue(new DateType("2026-11-01"));
    response
        .addItem()
        .setLinkId("barc-10-04")
        .addAnswer()
        .setValue(new Coding("http://x", "agree", null));
    assertThat(QuestionnaireResponseAnswers.read(response))
        .containsExactly(
            new Answer.Other("barc-10-03", "date"), new Answer.Other("barc-10-04", "Coding agree"));
  }
}
