package org.continuumcare.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.terminology.ContinuumTerminology.*;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged tgz is a real FHIR npm package with the agreed ValueSets and consistent ConceptMaps.
 */
class TerminologyPackageTest {

  private static TerminologyPackage terminology;
  private static CodeSystemLookup lookup;

  @BeforeAll
  static void loadPackage() {
    terminology = TerminologyPackage.fromClasspath(FhirContext.forR4Cached());
    lookup = new CodeSystemLookup(terminology);
  }

  @Test
  void packageManifestNamesPackageVersionFhirVersionAndCoreDependency() throws Exception {
    try (InputStream tgz = getClass().getClassLoader().getResourceAsStream(PACKAGE_RESOURCE)) {
      NpmPackage npm = NpmPackage.fromPackage(tgz);
      assertThat(npm.name()).isEqualTo("continuumcare.terminology");
      assertThat(npm.version()).isEqualTo("0.1.0");
      assertThat(npm.fhirVersion()).isEqualTo("4.0.1");
      assertThat(npm.dependencies()).containsExactly("hl7.fhir.r4.core#4.0.1");
      assertThat(npm.listResources("CodeSystem", "ValueSet", "ConceptMap")).isNotEmpty();
    }
    assertThat(terminology.name()).isEqualTo(PACKAGE_ID);
  }

  @Test
  void agreedValueSetsExistUnderTheContinuumCanonicalBase() {
    for (String id :
        List.of(
            "recovery-capital-domain",
            "recovery-capital-dimension",
            "recovery-capital-instrument",
            "recovery-capital-score-type",
            "referral-category",
            "referral-business-status",
            "release-type",
            "partner-type",
            "barc-10-agreement",
            "mirc-agreement",
            "medication-role")) {
      assertThat(terminology.valueSet(VALUE_SET_BASE + id))
          .as(id)
          .hasValueSatisfying(vs -> assertThat(vs.getIdPart()).isEqualTo(id));
    }
  }

  @Test
  void referralCategoriesReuseGravityCodesAndAddOursForTheRest() {
    ValueSet vs = terminology.valueSet(VALUE_SET_BASE + "referral-category").orElseThrow();
    Set<String> systems =
        vs.getCompose().getInclude().stream()
            .map(ValueSet.ConceptSetComponent::getSystem)
            .collect(Collectors.toSet());
    assertThat(systems)
        .containsExactlyInAnyOrder(
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
            REFERRAL_CATEGORY);
    assertThat(
            List.of(
                "treatment-continuation",
                "moud-continuation",
                "peer-support",
                "harm-reduction",
                "family-support",
                "legal-services"))
        .allSatisfy(c -> assertThat(lookup.contains(REFERRAL_CATEGORY, c)).as(c).isTrue());
  }

  @Test
  void everyConceptMapNamesSourceAndTargetValueSetsAndEveryGroupSourceAndTarget() {
    assertThat(terminology.conceptMaps()).hasSize(7);
    for (ConceptMap map : terminology.conceptMaps()) {
      assertThat(map.getSourceCanonicalType().getValue()).as(map.getId()).startsWith("http");
      assertThat(map.getTargetCanonicalType().getValue()).as(map.getId()).startsWith("http");
      assertThat(map.getGroup())
          .as(map.getId())
          .isNotEmpty()
          .allSatisfy(
              g -> {
                assertThat(g.getSource()).isNotBlank();
                assertThat(g.getTarget()).isNotBlank();
              });
    }
  }

  @Test
  void everyTargetCodeInOurOwnCodeSystemsExistsAndEveryInexactTargetIsExplained() {
    for (ConceptMap map : terminology.conceptMaps()) {
      for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
        boolean ours = group.getTarget().startsWith(CODE_SYSTEM_BASE);
        for (ConceptMap.SourceElementComponent element : group.getElement()) {
          if (group.getSource().startsWith(CODE_SYSTEM_BASE)) {
            assertThat(lookup.contains(group.getSource(), element.getCode()))
                .as("%s source %s", map.getId(), element.getCode())
                .isTrue();
          }
          for (ConceptMap.TargetElementComponent target : element.getTarget()) {
            if (ours && target.hasCode()) {
              assertThat(lookup.contains(group.getTarget(), target.getCode()))
                  .as("%s target %s", map.getId(), target.getCode())
                  .isTrue();
            }
            if (target.getEquivalence() == ConceptMapEquivalence.INEXACT
                || target.getEquivalence() == ConceptMapEquivalence.UNMATCHED) {
              assertThat(target.getComment())
                  .as("%s %s", map.getId(), element.getCode())
                  .isNotBlank();
            }
          }
        }
      }
    }
  }

  @Test
  void everyTargetCodeIsInTheMapsTargetValueSet() {
    for (ConceptMap map : terminology.conceptMaps()) {
      ValueSet target = terminology.valueSet(map.getTargetCanonicalType().getValue()).orElse(null);
      if (target == null) {
        continue; // an HL7 value set, not in this package
      }
      Set<String> allowed = enumerated(target);
      map.getGroup()
          .forEach(
              g ->
                  g.getElement().stream()
                      .flatMap(e -> e.getTarget().stream())
                      .filter(ConceptMap.TargetElementComponent::hasCode)
                      .forEach(
                          t ->
                              assertThat(
                                      allowed.contains(g.getTarget() + "|" + t.getCode())
                                          || allowed.contains(g.getTarget() + "|*"))
                                  .as("%s %s", map.getId(), t.getCode())
                                  .isTrue()));
    }
  }

  /**
   * "system|code" of enumerated concepts, "system|*" for whole systems, following included value
   * sets.
   */
  private static Set<String> enumerated(ValueSet valueSet) {
    Set<String> codes = new java.util.HashSet<>();
    for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
      include
          .getValueSet()
          .forEach(
              vs -> codes.addAll(enumerated(terminology.valueSet(vs.getValue()).orElseThrow())));
      if (include.hasSystem()) {
        if (include.hasConcept()) {
          include.getConcept().forEach(c -> codes.add(include.getSystem() + "|" + c.getCode()));
        } else {
          codes.add(include.getSystem() + "|*");
        }
      }
    }
    return codes;
  }

  @Test
  void
      theSdohccTemporaryCodeSystemWeShipIsTheCompleteRelease230AndHasEveryCodeOurReferralCategoriesReuse() {
    String sdohcc =
        "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
    org.hl7.fhir.r4.model.CodeSystem shipped = terminology.codeSystem(sdohcc).orElseThrow();
    org.hl7.fhir.r4.model.ValueSet categories =
        terminology
            .valueSet("https://continuumcare.org/fhir/ValueSet/referral-category")
            .orElseThrow();

    assertThat(shipped.getContent())
        .isEqualTo(org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode.COMPLETE);
    assertThat(shipped.getConcept()).hasSize(48);
    assertThat(shipped.getCount()).isEqualTo(48);
    assertThat(shipped.getTitle()).contains("hl7.fhir.us.sdoh-clinicalcare 2.3.0");
    java.util.List<String> reused =
        categories.getCompose().getInclude().stream()
            .filter(include -> sdohcc.equals(include.getSystem()))
            .flatMap(include -> include.getConcept().stream())
            .map(org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent::getCode)
            .toList();
    assertThat(reused).isNotEmpty();
    assertThat(shipped.getConcept())
        .extracting(org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent::getCode)
        .containsAll(reused)
        .contains("incarceration-status", "resulting-activity");
  }
}
