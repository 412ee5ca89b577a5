package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class CitedRecordRuleTest {

  private static final List<PersonIdentifier> IDENTIFIERS =
      List.of(new PersonIdentifier("https://prison.example/booking", "B-1", null));
  private final CitedRecordRule rule = new CitedRecordRule(FhirContext.forR4Cached());

  private static QuestionnaireResponse assessmentOf(String subject) {
    return new QuestionnaireResponse().setSubject(new Reference(subject));
  }

  @Test
  void aRecordOfTheStoredPersonMayBeCited() {
    assertThat(rule.refusal(assessmentOf("Patient/7"), Optional.of("Patient/7"), IDENTIFIERS))
        .isEmpty();
    assertThat(
            rule.refusal(
                new Consent().setPatient(new Reference("Patient/7/_history/3")),
                Optional.of("Patient/7"),
                IDENTIFIERS))
        .isEmpty();
  }

  @Test
  void aRecordOfAnotherPatientIsRefused() {
    assertThat(rule.refusal(assessmentOf("Patient/8"), Optional.of("Patient/7"), IDENTIFIERS))
        .hasValueSatisfying(reason -> assertThat(reason).contains("another person"));
    assertThat(
            rule.refusal(
                new Consent().setPatient(new Reference("Patient/8")),
                Optional.of("Patient/7"),
                IDENTIFIERS))
        .isPresent();
  }

  @Test
  void aPersonNotStoredYetCanCiteNoOnesRecord() {
    assertThat(rule.refusal(assessmentOf("Patient/8"), Optional.empty(), IDENTIFIERS)).isPresent();
    assertThat(
            rule.refusal(
                new Observation().setSubject(new Reference("Patient/8")),
                Optional.empty(),
                IDENTIFIERS))
        .isPresent();
  }

  @Test
  void aRecordAboutSomethingElseThanThePatientIsRefused() {
    assertThat(rule.refusal(assessmentOf("Group/7"), Optional.of("Patient/7"), IDENTIFIERS))
        .isPresent();
    assertThat(
            rule.refusal(
                assessmentOf("https://elsewhere.example/fhir/Patient/7"),
                Optional.of("Patient/7"),
                IDENTIFIERS))
        .isPresent();
    assertThat(
            rule.refusal(
                new QuestionnaireResponse().setSubject(new Reference().setDisplay("J. Reyes")),
                Optional.of("Patient/7"),
                IDENTIFIERS))
        .isPresent();
  }

  @Test
  void aRecordNamingThePersonByTheHandoffsIdentifierMayBeCited() {
    Reference byIdentifier =
        new Reference()
            .setIdentifier(
                new Identifier().setSystem("https://prison.example/booking").setValue("B-1"));
    Reference someoneElse =
        new Reference()
            .setIdentifier(
                new Identifier().setSystem("https://prison.example/booking").setValue("B-2"));

    assertThat(
            rule.refusal(
                new QuestionnaireResponse().setSubject(byIdentifier),
                Optional.empty(),
                IDENTIFIERS))
        .isEmpty();
    assertThat(
            rule.refusal(
                new QuestionnaireResponse().setSubject(someoneElse), Optional.empty(), IDENTIFIERS))
        .isPresent();
  }

  @Test
  void aRecordThatNamesNoOneMayBeCited() {
    assertThat(rule.refusal(new QuestionnaireResponse(), Optional.empty(), IDENTIFIERS)).isEmpty();
    assertThat(rule.refusal(new Consent(), Optional.of("Patient/7"), IDENTIFIERS)).isEmpty();
  }
}
