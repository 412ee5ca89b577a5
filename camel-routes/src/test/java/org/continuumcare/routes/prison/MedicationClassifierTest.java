package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.continuumcare.routes.prison.MedicationClassifier.Basis;
import org.continuumcare.routes.prison.MedicationClassifier.Classification;
import org.continuumcare.routes.prison.ReleaseHandoff.Coded;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.junit.jupiter.api.Test;

/**
 * Roles through the real terminology ConceptMap medication-role, drug-name words only as the
 * fallback.
 */
class MedicationClassifierTest {

  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String LOCAL =
      "https://continuumcare.org/fhir/sid/v2-assigning-authority/RCF-FORMULARY";
  private final MedicationClassifier classifier =
      new MedicationClassifier(ConceptMapTranslator.shared());

  @Test
  void codedBuprenorphineWithoutAHelpfulNameIsMoudByTheConceptMap() {
    Classification result =
        classifier.classify(List.of(new Coded(RXNORM, "351265", null)), "SL tab 8 mg");

    assertThat(result).isEqualTo(new Classification(MedicationRole.MOUD, Basis.CONCEPT_MAP));
  }

  @Test
  void codedNaloxoneIsNaloxoneByTheConceptMap() {
    Classification result =
        classifier.classify(List.of(new Coded(RXNORM, "1725059", null)), "Kit, 2 devices");

    assertThat(result).isEqualTo(new Classification(MedicationRole.NALOXONE, Basis.CONCEPT_MAP));
  }

  @Test
  void unknownCodeWithAMoudDrugNameIsMoudByTheDrugNameFallback() {
    Classification result =
        classifier.classify(List.of(new Coded(LOCAL, "F-00917", "Suboxone 8/2")), "Suboxone 8/2");

    assertThat(result).isEqualTo(new Classification(MedicationRole.MOUD, Basis.DRUG_NAME));
  }

  @Test
  void unknownCodeAndUnknownNameIsOther() {
    Classification result =
        classifier.classify(
            List.of(new Coded(LOCAL, "F-00001", "Atorvastatin 20 mg")), "Atorvastatin 20 mg");

    assertThat(result).isEqualTo(new Classification(MedicationRole.OTHER, Basis.NOT_RECOGNISED));
  }

  @Test
  void buprenorphineNaloxoneFilmIsMoudNotNaloxoneEvenWhenNamedOnlyNaloxone() {
    Classification result =
        classifier.classify(List.of(new Coded(RXNORM, "1010604", null)), "naloxone film");

    assertThat(result).isEqualTo(new Classification(MedicationRole.MOUD, Basis.CONCEPT_MAP));
  }

  @Test
  void codeTheMapListsWithoutARoleWinsOverAMisleadingDrugName() {
    Classification patch =
        classifier.classify(
            List.of(new Coded(RXNORM, "904880", null)), "Buprenorphine 5 mcg/h transdermal patch");
    Classification pentazocine =
        classifier.classify(
            List.of(new Coded(RXNORM, "312289", null)), "Pentazocine / naloxone 50 mg / 0.5 mg");

    assertThat(patch).isEqualTo(new Classification(MedicationRole.OTHER, Basis.CONCEPT_MAP));
    assertThat(pentazocine).isEqualTo(new Classification(MedicationRole.OTHER, Basis.CONCEPT_MAP));
  }

  @Test
  void alternateRxNormCodeDecidesWhenThePrimaryIsLocal() {
    Classification result =
        classifier.classify(
            List.of(
                new Coded(LOCAL, "F-00917", "Formulary item 917"),
                new Coded(RXNORM, "637213", null)),
            "Formulary item 917");

    assertThat(result).isEqualTo(new Classification(MedicationRole.MOUD, Basis.CONCEPT_MAP));
  }

  @Test
  void freeTextMedicationWithoutAnyCodeUsesTheDrugName() {
    Classification result =
        classifier.classify(Arrays.asList(null, new Coded(null, null, "Narcan")), "Narcan");

    assertThat(result).isEqualTo(new Classification(MedicationRole.NALOXONE, Basis.DRUG_NAME));
  }

  @Test
  void rxNormCodeWithoutSystemIsNotLookedUp() {
    Classification result = classifier.classify(List.of(new Coded(null, "351265", null)), "tab");

    assertThat(result).isEqualTo(new Classification(MedicationRole.OTHER, Basis.NOT_RECOGNISED));
  }
}
