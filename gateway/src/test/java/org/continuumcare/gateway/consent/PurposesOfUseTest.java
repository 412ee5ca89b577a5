package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

class PurposesOfUseTest {

  private final PurposesOfUse purposes = PurposesOfUse.fromHapi(FhirContext.forR4Cached());

  @Test
  void theHierarchyComesFromTheV3ActReasonCodeSystemHapiShips() {
    assertThat(purposes.isPurposeOfUse("TREAT")).isTrue();
    assertThat(purposes.isPurposeOfUse("BTG")).isTrue();
    assertThat(purposes.isPurposeOfUse("HRESCH")).isTrue();
    assertThat(purposes.isPurposeOfUse("MEDNEC"))
        .as("an ActReason that is no purpose of use")
        .isFalse();
    assertThat(purposes.isPurposeOfUse("NOPE")).isFalse();
  }

  @Test
  void aPurposeCoversItselfAndItsSpecialisationsOnly() {
    assertThat(purposes.covers("TREAT", "TREAT")).isTrue();
    assertThat(purposes.covers("TREAT", "COC")).isTrue();
    assertThat(purposes.covers("TREAT", "BTG")).as("ETREAT's child").isTrue();
    assertThat(purposes.covers("COC", "TREAT")).isFalse();
    assertThat(purposes.covers("HOPERAT", "TREAT")).isFalse();
    assertThat(purposes.covers("HOPERAT", "HSYSADMIN")).isTrue();
  }

  @Test
  void legalProceedingsAreCoveredByNothing() {
    assertThat(purposes.isLegalProceedings("HLEGAL")).isTrue();
    assertThat(purposes.isLegalProceedings("LEGAL")).isTrue();
    assertThat(purposes.covers("HLEGAL", "HLEGAL")).isFalse();
    assertThat(purposes.covers("HOPERAT", "HLEGAL"))
        .as("HLEGAL is a kind of HOPERAT, but never by consent")
        .isFalse();
    assertThat(purposes.isLegalProceedings("TREAT")).isFalse();
  }
}
