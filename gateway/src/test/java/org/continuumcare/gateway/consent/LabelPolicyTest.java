package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.continuumcare.gateway.consent.ConsentProperties.CodedIn;
import org.continuumcare.gateway.consent.ConsentProperties.LabelRule;
import org.continuumcare.terminology.ValueSetMembership;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The label rules shipped in application.yaml, evaluated as the server evaluates them. */
class LabelPolicyTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ConsentProperties SHIPPED = shipped();
  private final LabelPolicy policy = new LabelPolicy(FHIR, SHIPPED, ValueSetMembership.shared());

  private static ConsentProperties shipped() {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader()
              .load("application", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources.get(0)))
          .bind("continuum.consent", ConsentProperties.class)
          .get();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean labels(org.hl7.fhir.r4.model.Resource resource) {
    return policy.decide(resource, Optional.empty()).label();
  }

  @Test
  void shippedConfigurationNamesTheDemoProgramsAndRules() {
    assertThat(SHIPPED.sudPrograms()).containsExactly("demo-treatment", "demo-prison");
    assertThat(SHIPPED.labelRules())
        .extracting(LabelRule::name)
        .contains(
            "sud-condition",
            "moud-statement",
            "release-handoff",
            "sud-referral",
            "task-of-sud-referral",
            "recovery-capital-score");
  }

  @Test
  void substanceUseConditionsAreLabelledButNicotineAndOtherDiagnosesAreNot() {
    Condition opioid =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding(
                        "http://hl7.org/fhir/sid/icd-10-cm", "F11.20", "Opioid dependence")));
    Condition nicotine =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F17.210", null)));
    Condition ulcer =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10-cm", "K63.3", null)));

    assertThat(labels(opioid)).isTrue();
    assertThat(labels(nicotine)).isFalse();
    assertThat(labels(ulcer)).isFalse();
  }

  @Test
  void moudStatementsAreLabelledByRxNormIngredientOrName() {
    MedicationStatement byCode =
        new MedicationStatement()
            .setMedication(
                new CodeableConcept(
                    new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1819", null)));
    MedicationStatement byName =
        new MedicationStatement()
            .setMedication(new CodeableConcept().setText("Buprenorphine/naloxone 8 mg/2 mg film"));
    MedicationStatement other =
        new MedicationStatement().setMedication(new CodeableConcept().setText("Metformin 500 mg"));

    assertThat(labels(byCode)).isTrue();
    assertThat(labels(byName)).isTrue();
    assertThat(labels(other)).isFalse();
  }

  @Test
  void recoveryCapitalScoresAssessmentsAndReleaseHandoffsAreLabelled() {
    Observation score = new Observation();
    score
        .getMeta()
        .addProfile("https://continuumcare.org/fhir/StructureDefinition/recovery-capital-score");
    QuestionnaireResponse assessment =
        new QuestionnaireResponse()
            .setQuestionnaire("https://continuumcare.org/fhir/Questionnaire/barc-10");
    Composition handoff = new Composition();
    handoff
        .getMeta()
        .addProfile("https://continuumcare.org/fhir/StructureDefinition/release-handoff");

    assertThat(labels(score)).isTrue();
    assertThat(labels(assessment)).isTrue();
    assertThat(labels(handoff)).isTrue();
    assertThat(
            labels(
                new Observation()
                    .setCode(new CodeableConcept(new Coding("http://loinc.org", "71802-3", null)))))
        .isFalse();
  }

  @Test
  void treatmentAndMoudReferralsAreLabelledHousingReferralsAreNot() {
    ServiceRequest treatment =
        new ServiceRequest()
            .addCategory(
                new CodeableConcept(
                    new Coding(
                        "https://continuumcare.org/fhir/CodeSystem/referral-category",
                        "moud-continuation",
                        null)));
    ServiceRequest housing =
        new ServiceRequest()
            .addCategory(
                new CodeableConcept(
                    new Coding(
                        "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
                        "housing-instability",
                        null)));

    assertThat(labels(treatment)).isTrue();
    assertThat(labels(housing)).isFalse();
  }

  @Test
  void referralTasksInheritFromTheirFocus() {
    Task task = new Task().setFocus(new Reference("ServiceRequest/sr-1"));

    LabelPolicy.Decision decision = policy.decide(task, Optional.empty());

    assertThat(decision.label()).isFalse();
    assertThat(decision.inheritFrom()).containsExactly("ServiceRequest/sr-1");
  }

  @Test
  void clinicalRecordsWrittenByASudProgramAreLabelledOthersAreNot() {
    Observation observation = new Observation();

    assertThat(policy.decide(observation, Optional.of("demo-treatment")).label()).isTrue();
    assertThat(policy.decide(observation, Optional.of("demo-housing")).label()).isFalse();
    assertThat(policy.decide(new Patient(), Optional.of("demo-treatment")).label()).isFalse();
  }

  @Test
  void alreadyLabelledResourcesStayLabelled() {
    Observation observation = new Observation();
    SecurityLabels.labelPart2(observation);

    assertThat(labels(observation)).isTrue();
  }

  @Test
  void anInvalidRuleFailsAtStartupNamingIt() {
    ConsentProperties broken =
        new ConsentProperties(
            true,
            List.of(),
            List.of(),
            List.of(new LabelRule("broken", "Condition", "code.coding.where(", null, null)),
            "COC",
            null,
            "n",
            true);

    assertThatThrownBy(() -> new LabelPolicy(FHIR, broken, ValueSetMembership.shared()))
        .hasMessageContaining("'broken'");
  }

  @Test
  void aRuleNamingAValueSetTheTerminologyPackageLacksFailsAtStartupNamingIt() {
    ConsentProperties broken =
        new ConsentProperties(
            true,
            List.of(),
            List.of(),
            List.of(
                new LabelRule(
                    "typo",
                    "Condition",
                    null,
                    null,
                    List.of(new CodedIn("code", "sud-condition")))),
            "COC",
            null,
            "n",
            true);

    assertThatThrownBy(() -> new LabelPolicy(FHIR, broken, ValueSetMembership.shared()))
        .hasMessageContaining("'typo'")
        .hasMessageContaining("sud-condition");
  }

  @Test
  void snomedCodedSubstanceUseConditionsAreLabelledThroughTheTerminologyPackage() {
    Condition dependentDrugAbuse =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding(
                        "http://snomed.info/sct", "6525002", "Dependent drug abuse (disorder)")));
    Condition misusesDrugs =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding("http://snomed.info/sct", "361055000", "Misuses drugs (finding)")));
    Condition hypertension =
        new Condition()
            .setCode(
                new CodeableConcept(
                    new Coding(
                        "http://snomed.info/sct",
                        "59621000",
                        "Essential hypertension (disorder)")));

    assertThat(labels(dependentDrugAbuse)).isTrue();
    assertThat(labels(misusesDrugs)).isTrue();
    assertThat(labels(hypertension)).isFalse();
    assertThat(policy.decide(misusesDrugs, Optional.empty()).reasons())
        .containsExactly("rule sud-condition (a code in sud-conditions)");
  }
}
