package org.continuumcare.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.continuumcare.terminology.ContinuumTerminology.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Translations through the ConceptMaps of the real generated package (so these tests also prove the
 * FSH).
 */
class ConceptMapTranslatorTest {

  private static TerminologyPackage terminology;
  private static ConceptMapTranslator translator;

  @BeforeAll
  static void loadPackage() {
    terminology = TerminologyPackage.fromClasspath(FhirContext.forR4Cached());
    translator = new ConceptMapTranslator(terminology);
  }

  @Test
  void emergencyShelterTranslatesToNoSteadyPlaceToLive() {
    assertThat(translator.translate(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "101", LOINC))
        .hasValueSatisfying(
            t -> {
              assertThat(t.code()).isEqualTo("LA31995-6");
              assertThat(t.display()).startsWith("I do not have a steady place to live");
              assertThat(t.equivalence()).isEqualTo(ConceptMapEquivalence.WIDER);
            });
  }

  @Test
  void rentalWithoutSubsidyTranslatesToSteadyPlaceToLive() {
    assertThat(translator.translate(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "410", LOINC))
        .map(Translation::code)
        .contains("LA31993-1");
  }

  @Test
  void halfwayHouseTranslatesInexactlyToWorriedAboutLosingHousingWithAComment() {
    assertThat(translator.translate(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "329", LOINC))
        .hasValueSatisfying(
            t -> {
              assertThat(t.code()).isEqualTo("LA31994-9");
              assertThat(t.equivalence()).isEqualTo(ConceptMapEquivalence.INEXACT);
              assertThat(t.comment()).isNotBlank();
            });
  }

  @Test
  void prisonStayHasNoHousingStatusAnswerButIsInstitutional() {
    assertThat(translator.translate(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "207", LOINC))
        .isEmpty();
    assertThat(translator.translate(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "207"))
        .map(Translation::toCoding)
        .hasValueSatisfying(
            c -> {
              assertThat(c.getSystem()).isEqualTo(HOUSING_SITUATION_CATEGORY);
              assertThat(c.getCode()).isEqualTo("institutional");
            });
  }

  @Test
  void everyHmisCodeIsMappedToAHudGroupAndAppearsInTheLoincGroup() {
    CodeSystem hmis = terminology.codeSystem(HMIS_LIVING_SITUATION).orElseThrow();
    ConceptMap map = terminology.conceptMap(HMIS_TO_HOUSING_STATUS).orElseThrow();
    var loincGroupCodes =
        map.getGroup().stream()
            .filter(g -> LOINC.equals(g.getTarget()))
            .findFirst()
            .orElseThrow()
            .getElement()
            .stream()
            .map(ConceptMap.SourceElementComponent::getCode)
            .toList();

    assertThat(hmis.getConcept()).hasSize(32);
    for (ConceptDefinitionComponent concept : hmis.getConcept()) {
      assertThat(
              translator.translate(
                  HMIS_TO_HOUSING_STATUS,
                  HMIS_LIVING_SITUATION,
                  concept.getCode(),
                  HOUSING_SITUATION_CATEGORY))
          .as("HMIS %s", concept.getCode())
          .isPresent();
      assertThat(loincGroupCodes)
          .as("HMIS %s in the LOINC group", concept.getCode())
          .contains(concept.getCode());
    }
  }

  @Test
  void v2ReferralStatusAcceptedTranslatesToTaskStatusAccepted() {
    assertThat(translator.translate("hl7v2-referral-status-to-task-status", V2_0283, "A"))
        .hasValueSatisfying(
            t -> {
              assertThat(t.system()).isEqualTo(TASK_STATUS);
              assertThat(t.code()).isEqualTo("accepted");
              assertThat(t.equivalence()).isEqualTo(ConceptMapEquivalence.EQUIVALENT);
            });
  }

  @Test
  void v2ReferralStatusesPendingRejectedExpiredTranslateToTaskStatuses() {
    assertThat(translator.translate(V2_REFERRAL_STATUS_TO_TASK_STATUS, V2_0283, "P", TASK_STATUS))
        .map(Translation::code)
        .contains("requested");
    assertThat(translator.translate(V2_REFERRAL_STATUS_TO_TASK_STATUS, V2_0283, "R"))
        .map(Translation::code)
        .contains("rejected");
    assertThat(translator.translate(V2_REFERRAL_STATUS_TO_TASK_STATUS, V2_0283, "E"))
        .map(Translation::code)
        .contains("cancelled");
  }

  @Test
  void v2DischargeDispositionsTranslateToFhirDischargeDisposition() {
    assertThat(translator.translate(V2_DISCHARGE_DISPOSITION_TO_FHIR, V2_0112, "01"))
        .map(Translation::code)
        .contains("home");
    assertThat(translator.translate(V2_DISCHARGE_DISPOSITION_TO_FHIR, V2_0112, "07"))
        .map(Translation::code)
        .contains("aadvice");
    assertThat(translator.translate(V2_DISCHARGE_DISPOSITION_TO_FHIR, V2_0112, "21"))
        .map(Translation::system)
        .contains(DISCHARGE_DISPOSITION);
    assertThat(translator.translate(V2_DISCHARGE_DISPOSITION_TO_FHIR, V2_0112, "30")).isEmpty();
  }

  @Test
  void employmentOutcomesTranslateToLoincEmploymentStatusAnswers() {
    assertThat(
            translator.translate(
                EMPLOYMENT_OUTCOME_TO_EMPLOYMENT_STATUS,
                EMPLOYMENT_OUTCOME,
                "job-placement-full-time"))
        .map(Translation::code)
        .contains("LA30136-8");
    assertThat(
            translator.translate(
                EMPLOYMENT_OUTCOME_TO_EMPLOYMENT_STATUS, EMPLOYMENT_OUTCOME, "job-lost"))
        .map(Translation::code)
        .contains("LA17956-6");
    assertThat(
            translator.translate(
                EMPLOYMENT_OUTCOME_TO_EMPLOYMENT_STATUS, EMPLOYMENT_OUTCOME, "training-completed"))
        .isEmpty();
  }

  @Test
  void prisonParoleTranslatesToReleaseTypeParole() {
    assertThat(
            translator.translate(
                PRISON_RELEASE_REASON_TO_RELEASE_TYPE, PRISON_RELEASE_REASON, "PAR"))
        .map(Translation::toCoding)
        .hasValueSatisfying(
            c -> assertThat(c.getSystem() + "#" + c.getCode()).isEqualTo(RELEASE_TYPE + "#parole"));
  }

  @Test
  void unknownSourceCodeTranslatesToNothing() {
    assertThat(translator.translate(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "999"))
        .isEmpty();
    assertThat(translator.translate(V2_REFERRAL_STATUS_TO_TASK_STATUS, V2_0283, "X")).isEmpty();
  }

  @Test
  void codeFromAnotherSourceSystemTranslatesToNothing() {
    assertThat(
            translator.translate(
                V2_REFERRAL_STATUS_TO_TASK_STATUS, "http://example.org/other", "A"))
        .isEmpty();
  }

  @Test
  void unknownMapIsRejectedWithAnExceptionNamingIt() {
    assertThatThrownBy(() -> translator.translate("no-such-map", V2_0283, "A"))
        .isInstanceOf(UnknownConceptMapException.class)
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("no-such-map");
  }

  @Test
  void mapIsFoundByIdAsWellAsByCanonicalUrl() {
    assertThat(
            translator.translations(
                "hmis-living-situation-to-housing-status", HMIS_LIVING_SITUATION, "101"))
        .isEqualTo(translator.translations(HMIS_TO_HOUSING_STATUS, HMIS_LIVING_SITUATION, "101"))
        .hasSize(2);
  }

  @Test
  void sharedTranslatorLoadsThePackageFromTheClasspathOnce() {
    assertThat(ConceptMapTranslator.shared()).isSameAs(ConceptMapTranslator.shared());
    assertThat(
            ConceptMapTranslator.shared()
                .translate(V2_REFERRAL_STATUS_TO_TASK_STATUS, V2_0283, "R"))
        .map(Translation::code)
        .contains("rejected");
  }

  @Test
  void buprenorphineNaloxoneFilmIsMoudNotNaloxone() {
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "1010604"))
        .hasValueSatisfying(
            t -> {
              assertThat(t.system()).isEqualTo(MEDICATION_ROLE);
              assertThat(t.code()).isEqualTo("moud");
            });
  }

  @Test
  void methadoneConcentrateAndExtendedReleaseNaltrexoneAreMoud() {
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "991147"))
        .map(Translation::code)
        .contains("moud");
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "637213"))
        .map(Translation::code)
        .contains("moud");
  }

  @Test
  void naloxoneNasalSprayAndInjectionAreNaloxone() {
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "1725059"))
        .map(Translation::code)
        .contains("naloxone");
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "1191222"))
        .map(Translation::code)
        .contains("naloxone");
  }

  @Test
  void buprenorphinePainPatchIsListedButHasNoRole() {
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "904880")).isEmpty();
    assertThat(translator.lists(MEDICATION_ROLE_MAP, RXNORM, "904880")).isTrue();
  }

  @Test
  void codeTheMapDoesNotListIsNeitherTranslatedNorListed() {
    assertThat(translator.translate(MEDICATION_ROLE_MAP, RXNORM, "197361")).isEmpty();
    assertThat(translator.lists(MEDICATION_ROLE_MAP, RXNORM, "197361")).isFalse();
    assertThat(translator.lists(MEDICATION_ROLE_MAP, "http://hl7.org/fhir/sid/ndc", "1010604"))
        .isFalse();
  }

  @Test
  void listsRejectsAnUnknownMap() {
    assertThatThrownBy(() -> translator.lists("no-such-map", RXNORM, "1010604"))
        .isInstanceOf(UnknownConceptMapException.class);
  }
}
