package org.continuumcare.profiles.scoring;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads the answers of a QuestionnaireResponse into scorer {@link Answer}s, walking groups and
 * nested items. Every answer becomes one {@link Answer} under its item's linkId (so two answers to
 * one item show up as a duplicate); an agreement-scale Coding whose code is a number ("1".."6")
 * becomes a numeric answer.
 */
public final class QuestionnaireResponseAnswers {

  private QuestionnaireResponseAnswers() {}

  public static List<Answer> read(QuestionnaireResponse response) {
    List<Answer> answers = new ArrayList<>();
    for (QuestionnaireResponseItemComponent item : response.getItem()) {
      collect(item, answers);
    }
    return answers;
  }

  private static void collect(QuestionnaireResponseItemComponent item, List<Answer> answers) {
    for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
      if (answer.hasValue()) {
        answers.add(toAnswer(item.getLinkId(), answer.getValue()));
      }
      for (QuestionnaireResponseItemComponent nested : answer.getItem()) {
        collect(nested, answers);
      }
    }
    for (QuestionnaireResponseItemComponent child : item.getItem()) {
      collect(child, answers);
    }
  }

  private static Answer toAnswer(String linkId, Type value) {
    if (value instanceof IntegerType integer && integer.getValue() != null) {
      return new Answer.Numeric(linkId, integer.getValue());
    }
    if (value instanceof Coding coding
        && coding.hasCode()
        && coding.getCode().matches("-?\\d{1,9}")) {
      return new Answer.Numeric(linkId, Integer.parseInt(coding.getCode()));
    }
    if (value instanceof StringType string && string.getValue() != null) {
      return new Answer.Text(linkId, string.getValue());
    }
    String type = value instanceof Coding coding ? "Coding " + coding.getCode() : value.fhirType();
    return new Answer.Other(linkId, type);
  }
}
