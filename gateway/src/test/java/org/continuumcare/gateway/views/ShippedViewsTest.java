package org.continuumcare.gateway.views;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.continuumcare.gateway.views.engine.ViewRunner;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ShippedViewsTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void everyShippedViewIsAValidViewDefinition() {
    ShippedViews.all()
        .forEach(
            (name, view) -> assertThat(ViewRunner.of(FHIR, view).view().name()).isEqualTo(name));
  }

  @Test
  void anEightDomainStrengthGivesOneRowWithItsPersonInstrumentDateDomainAndScore() {
    ViewRunner scores = ViewRunner.of(FHIR, ShippedViews.all().get("recovery_capital_scores"));
    Observation score = new Observation();
    score.setId("s1");
    score.setStatus(Observation.ObservationStatus.FINAL);
    score.addCategory(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", null)));
    score.addCategory(
        new CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain",
                "housing",
                null)));
    score.setCode(
        new CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/recovery-capital-score-type",
                "rc-8-domain-strength",
                null)));
    score.setMethod(
        new CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/recovery-capital-instrument",
                "rc-8-domain",
                null)));
    score.setSubject(new Reference("Patient/p1"));
    score.setEffective(new DateTimeType("2026-03-01T10:00:00Z"));
    score.setValue(new IntegerType(4));
    score.addExtension(
        "https://continuumcare.org/fhir/StructureDefinition/score-threshold-met",
        new BooleanType(true));
    score.addDerivedFrom(new Reference("QuestionnaireResponse/qr1"));

    List<Object[]> rows = scores.rows(score);

    assertThat(rows)
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .containsExactly(
                        "Observation/s1",
                        "Patient/p1",
                        "rc-8-domain",
                        "2026-03-01T10:00:00Z",
                        "rc-8-domain-strength",
                        false,
                        "housing",
                        null,
                        4,
                        true,
                        "QuestionnaireResponse/qr1",
                        "final"));
  }

  @Test
  void anObservationThatIsNotARecoveryCapitalScoreGivesNoRow() {
    ViewRunner scores = ViewRunner.of(FHIR, ShippedViews.all().get("recovery_capital_scores"));
    Observation housing = new Observation();
    housing.setCode(new CodeableConcept(new Coding("http://loinc.org", "71802-3", null)));

    assertThat(scores.rows(housing)).isEmpty();
  }

  @Test
  void aConsentListsItsRecipientsAndPurposes() {
    ViewRunner consents = ViewRunner.of(FHIR, ShippedViews.all().get("consents"));
    Consent consent = new Consent();
    consent.setId("c1");
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.setPatient(new Reference("Patient/p1"));
    consent.addCategory(
        new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2", null)));
    consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
    consent.getProvision().addActor().setReference(new Reference("Organization/demo-treatment"));
    consent.getProvision().addActor().setReference(new Reference("Organization/continuum-gateway"));
    consent
        .getProvision()
        .addPurpose(
            new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREAT", null));

    List<Object[]> rows = consents.rows(consent);

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row[0]).isEqualTo("Consent/c1");
              assertThat(row[3]).isEqualTo(true);
              assertThat(row[8])
                  .isEqualTo(
                      List.of("Organization/demo-treatment", "Organization/continuum-gateway"));
              assertThat(row[9]).isEqualTo(List.of("TREAT"));
            });
  }
}
