package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ConceptMaps kept next to the partner routes only point at codes that exist. */
class PartnerConceptMapsTest {

  static Stream<String> maps() {
    return Stream.of(
        "housing/housing-partner-status-to-referral-status.json",
        "housing/hmis-outcome-to-referral-status.json",
        "employment/employment-outcome-to-referral-status.json");
  }

  private static ConceptMap load(String resource) throws Exception {
    try (InputStream in =
        PartnerConceptMapsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return FhirContext.forR4Cached().newJsonParser().parseResource(ConceptMap.class, in);
    }
  }

  @ParameterizedTest
  @MethodSource("maps")
  void everyTargetIsAReferralTaskStatusOrABusinessStatusCode(String resource) throws Exception {
    CodeSystemLookup lookup = CodeSystemLookup.shared();
    for (ConceptMapGroupComponent group : load(resource).getGroup()) {
      group
          .getElement()
          .forEach(
              e ->
                  e.getTarget().stream()
                      .filter(t -> t.hasCode())
                      .forEach(
                          t -> {
                            if (group.getTarget().equals(ContinuumTerminology.TASK_STATUS)) {
                              assertThat(TaskStatus.fromCode(t.getCode()))
                                  .as(t.getCode())
                                  .isNotIn(TaskStatus.READY, TaskStatus.RECEIVED, TaskStatus.NULL);
                            } else {
                              assertThat(group.getTarget())
                                  .isEqualTo(ContinuumTerminology.REFERRAL_BUSINESS_STATUS);
                              assertThat(lookup.contains(group.getTarget(), t.getCode()))
                                  .as(t.getCode())
                                  .isTrue();
                            }
                          }));
    }
  }

  @ParameterizedTest
  @MethodSource("maps")
  void everyUnmatchedEntrySaysWhy(String resource) throws Exception {
    for (ConceptMapGroupComponent group : load(resource).getGroup()) {
      group
          .getElement()
          .forEach(
              e ->
                  e.getTarget().stream()
                      .filter(t -> t.getEquivalence() == ConceptMapEquivalence.UNMATCHED)
                      .forEach(t -> assertThat(t.getComment()).as(e.getCode()).isNotBlank()));
    }
  }

  @org.junit.jupiter.api.Test
  void theEmploymentMapCoversEveryEmploymentOutcomeCodeInBothGroups() throws Exception {
    assertCovers(
        "employment/employment-outcome-to-referral-status.json",
        ContinuumTerminology.EMPLOYMENT_OUTCOME);
  }

  @org.junit.jupiter.api.Test
  void theHmisOutcomeMapCoversEveryHudHousingCategory() throws Exception {
    ConceptMap map = load("housing/hmis-outcome-to-referral-status.json");
    List<String> listed =
        map.getGroup().get(0).getElement().stream().map(e -> e.getCode()).toList();
    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(
            codesOf(ContinuumTerminology.HOUSING_SITUATION_CATEGORY));
  }

  private static void assertCovers(String resource, String system) throws Exception {
    ConceptMap map = load(resource);
    for (ConceptMapGroupComponent group : map.getGroup()) {
      assertThat(group.getSource()).isEqualTo(system);
      assertThat(group.getElement().stream().map(e -> e.getCode()).toList())
          .containsExactlyInAnyOrderElementsOf(codesOf(system));
    }
  }

  private static List<String> codesOf(String system) {
    CodeSystem cs =
        org.continuumcare.terminology.TerminologyPackage.shared().codeSystem(system).orElseThrow();
    return cs.getConcept().stream().map(c -> c.getCode()).toList();
  }
}
