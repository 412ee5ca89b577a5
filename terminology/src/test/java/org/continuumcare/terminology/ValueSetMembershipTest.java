package org.continuumcare.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.continuumcare.terminology.ContinuumTerminology.*;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Membership in the package's ValueSets, evaluated from their definitions, on the real generated
 * package.
 */
class ValueSetMembershipTest {

  private static TerminologyPackage terminology;
  private static ValueSetMembership membership;

  @BeforeAll
  static void loadPackage() {
    terminology = TerminologyPackage.fromClasspath(FhirContext.forR4Cached());
    membership = new ValueSetMembership(terminology);
  }

  @Test
  void theSyntheaSubstanceUseConditionsAreSudConditionsByTheirSnomedCodes() {
    for (String code :
        List.of(
            "6525002",
            "361055000",
            "5602001",
            "7200002",
            "191816009",
            "66590003",
            "10939881000119105",
            "75544000",
            "1336085007")) {
      assertThat(membership.contains(SUD_CONDITIONS, SNOMED, code)).as(code).isTrue();
    }
  }

  @Test
  void overdoseTobaccoNonUseAndOtherDiagnosesAreNotSudConditions() {
    for (String code :
        List.of(
            "55680006",
            "449868002",
            "413096007",
            "707848009",
            "280982009",
            "59621000",
            "428219007",
            "205788004")) {
      assertThat(membership.contains(SUD_CONDITIONS, SNOMED, code)).as(code).isFalse();
    }
  }

  @Test
  void icd10CategoriesF10ToF19WithoutNicotineIncludeEverySubcode() {
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F11.20")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F1120")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F10")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "f19.988")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F16.10")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F18.20")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10, "F10.2")).isTrue();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "Z71.41")).isTrue();

    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F17.210")).isFalse();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F1")).isFalse();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "F55.2")).isFalse();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "Z71.42")).isFalse();
    assertThat(membership.contains(SUD_CONDITIONS, ICD10_CM, "K70.30")).isFalse();
    assertThat(membership.contains(SUD_CONDITIONS, SNOMED, "F11.20"))
        .as("the system counts")
        .isFalse();
  }

  @Test
  void screeningInstrumentsAndDrugsOfAbusePanelsAreSudObservations() {
    for (String code : List.of("72109-2", "75626-2", "82666-9", "82667-7", "65750-2", "8222-2")) {
      assertThat(membership.contains(SUD_OBSERVATIONS, LOINC, code)).as(code).isTrue();
    }
    assertThat(membership.contains(SUD_OBSERVATIONS, LOINC, "29463-7")).isFalse();
    assertThat(membership.contains(SUD_OBSERVATIONS, LOINC, "71802-3")).isFalse();
  }

  @Test
  void moudIngredientsAndProductsAreSudMedicationsButPainBuprenorphineAndNaloxoneAreNot() {
    for (String code :
        List.of("1819", "6813", "351266", "864706", "1483744", "1996189", "2639027")) {
      assertThat(membership.contains(SUD_MEDICATIONS, RXNORM, code)).as(code).isTrue();
    }
    for (String code : List.of("904870", "1716057", "205533", "1191222", "1551468", "856987")) {
      assertThat(membership.contains(SUD_MEDICATIONS, RXNORM, code)).as(code).isFalse();
    }
  }

  @Test
  void everyMedicationTheReleaseMapTakesAsMoudIsASudMedicationAndNoneItRejects() {
    ConceptMap roles = terminology.conceptMap(MEDICATION_ROLE_MAP).orElseThrow();
    for (ConceptMap.SourceElementComponent element : roles.getGroupFirstRep().getElement()) {
      ConceptMap.TargetElementComponent target = element.getTargetFirstRep();
      boolean moud = "moud".equals(target.getCode());
      boolean rejected =
          target.getEquivalence() == ConceptMapEquivalence.UNMATCHED
              && element.getDisplay().toLowerCase().contains("buprenorphine");
      if (moud) {
        assertThat(membership.contains(SUD_MEDICATIONS, RXNORM, element.getCode()))
            .as(element.getDisplay())
            .isTrue();
      }
      if (rejected) {
        assertThat(membership.contains(SUD_MEDICATIONS, RXNORM, element.getCode()))
            .as(element.getDisplay())
            .isFalse();
      }
    }
  }

  @Test
  void treatmentProceduresAndTheIcd10PcsSubstanceAbuseTreatmentSectionAreSudProcedures() {
    for (String code :
        List.of("56876005", "61480009", "266707007", "60112009", "313071005", "24165007")) {
      assertThat(membership.contains(SUD_PROCEDURES, SNOMED, code)).as(code).isTrue();
    }
    assertThat(membership.contains(SUD_PROCEDURES, ICD10_PCS, "HZ2ZZZZ")).isTrue();
    assertThat(membership.contains(SUD_PROCEDURES, ICD10_PCS, "HZ30ZZZ")).isTrue();
    assertThat(membership.contains(SUD_PROCEDURES, ICD10_PCS, "GZ3ZZZZ")).isFalse();
    assertThat(membership.contains(SUD_PROCEDURES, ICD10_PCS, "0HZ")).isFalse();
    assertThat(membership.contains(SUD_PROCEDURES, SNOMED, "52052004")).isFalse();
    assertThat(membership.contains(SUD_PROCEDURES, SNOMED, "428211000124100")).isFalse();
  }

  @Test
  void theRecordCodesAreTheUnionOfTheFour() {
    assertThat(membership.contains(SUD_RECORD_CODES, SNOMED, "7200002")).isTrue();
    assertThat(membership.contains(SUD_RECORD_CODES, LOINC, "75626-2")).isTrue();
    assertThat(membership.contains(SUD_RECORD_CODES, RXNORM, "351266")).isTrue();
    assertThat(membership.contains(SUD_RECORD_CODES, ICD10_PCS, "HZ2ZZZZ")).isTrue();
    assertThat(membership.contains(SUD_RECORD_CODES, SNOMED, "59621000")).isFalse();
  }

  @Test
  void valueSetsAreFoundByIdOrUrlAndAnUnknownOneIsNamed() {
    assertThat(membership.contains("sud-conditions", SNOMED, "7200002")).isTrue();
    assertThat(membership.require("sud-conditions")).isEqualTo(SUD_CONDITIONS);
    assertThat(membership.contains("referral-category", REFERRAL_CATEGORY, "moud-continuation"))
        .isTrue();
    assertThat(membership.contains("referral-category", REFERRAL_CATEGORY, "no-such-code"))
        .isFalse();
    assertThatThrownBy(() -> membership.contains("no-such-value-set", SNOMED, "1"))
        .isInstanceOf(UnknownValueSetException.class)
        .hasMessageContaining("no-such-value-set");
  }

  @Test
  void aFilterThatNeedsATerminologyServerIsRefusedNamingTheValueSet() {
    ValueSet snomedIsA = new ValueSet().setUrl("https://example.org/ValueSet/needs-snomed");
    snomedIsA
        .getCompose()
        .addInclude()
        .setSystem(SNOMED)
        .addFilter()
        .setProperty("concept")
        .setOp(ValueSet.FilterOperator.ISA)
        .setValue("66214007");
    ValueSetMembership local =
        new ValueSetMembership(
            TerminologyPackage.of("test", "0", List.of(), List.of(snomedIsA), List.of()));

    assertThatThrownBy(() -> local.contains(snomedIsA.getUrl(), SNOMED, "7200002"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs-snomed")
        .hasMessageContaining("is-a");
  }

  @Test
  void anExcludeRemovesCodesFromAnInclude() {
    ValueSet withoutNicotine = new ValueSet().setUrl("https://example.org/ValueSet/f1x");
    withoutNicotine
        .getCompose()
        .addInclude()
        .setSystem(ICD10_CM)
        .addFilter()
        .setProperty("code")
        .setOp(ValueSet.FilterOperator.REGEX)
        .setValue("F1.*");
    withoutNicotine
        .getCompose()
        .addExclude()
        .setSystem(ICD10_CM)
        .addFilter()
        .setProperty("concept")
        .setOp(ValueSet.FilterOperator.ISA)
        .setValue("F17");
    ValueSetMembership local =
        new ValueSetMembership(
            TerminologyPackage.of("test", "0", List.of(), List.of(withoutNicotine), List.of()));

    assertThat(local.contains(withoutNicotine.getUrl(), ICD10_CM, "F11.20")).isTrue();
    assertThat(local.contains(withoutNicotine.getUrl(), ICD10_CM, "F17.210")).isFalse();
  }
}
