package org.continuumcare.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.terminology.ContinuumTerminology.*;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Displays and the domain -> dimension property, read from the real generated package. */
class CodeSystemLookupTest {

  private static TerminologyPackage terminology;
  private static CodeSystemLookup lookup;

  @BeforeAll
  static void loadPackage() {
    terminology = TerminologyPackage.fromClasspath(FhirContext.forR4Cached());
    lookup = new CodeSystemLookup(terminology);
  }

  @Test
  void recoveryCapitalDomainsAreExactlyTheEightTreatNetDomains() {
    assertThat(codes(RECOVERY_CAPITAL_DOMAIN))
        .containsExactly(
            "physical-mental-health",
            "family-social-leisure",
            "safe-housing",
            "peer-support",
            "employment-legal",
            "vocational-education",
            "community-culture",
            "meaning-purpose");
  }

  @Test
  void recoveryCapitalDimensionsAreTheFourCapitals() {
    assertThat(codes(RECOVERY_CAPITAL_DIMENSION))
        .containsExactly("social", "physical", "human", "cultural");
  }

  @Test
  void scoreTypesAreExactlyTheDerivedScoresOfTheThreeInstruments() {
    assertThat(codes(RECOVERY_CAPITAL_SCORE_TYPE))
        .containsExactly(
            "barc-10-total",
            "mirc-28-total",
            "mirc-28-social-capital",
            "mirc-28-physical-capital",
            "mirc-28-human-capital",
            "mirc-28-cultural-capital",
            "rc-8-domain-strength",
            "rc-8-domain-total");
    assertThat(codes(RECOVERY_CAPITAL_INSTRUMENT))
        .containsExactly("barc-10", "mirc-28", "rc-8-domain");
  }

  @Test
  void displaysComeFromTheCodeSystems() {
    assertThat(lookup.display(RECOVERY_CAPITAL_DOMAIN, "safe-housing")).contains("Safe housing");
    assertThat(lookup.display(HMIS_LIVING_SITUATION, "207"))
        .contains("Jail, prison or juvenile detention facility");
    assertThat(lookup.display(CODE_SYSTEM_BASE + "agreement-scale-6", "6"))
        .contains("Strongly agree");
    assertThat(lookup.display(CODE_SYSTEM_BASE + "agreement-scale-4", "1"))
        .contains("Strongly disagree");
  }

  @Test
  void unknownCodeOrSystemHasNoDisplay() {
    assertThat(lookup.display(RECOVERY_CAPITAL_DOMAIN, "no-such-domain")).isEmpty();
    assertThat(lookup.display("http://example.org/none", "safe-housing")).isEmpty();
    assertThat(lookup.contains(RECOVERY_CAPITAL_DOMAIN, "no-such-domain")).isFalse();
  }

  @Test
  void domainsLinkToTheirCapitalDimensions() {
    assertThat(lookup.dimensionsOfDomain("safe-housing")).containsExactly("physical");
    assertThat(lookup.dimensionsOfDomain("peer-support")).containsExactly("social");
    assertThat(lookup.dimensionsOfDomain("employment-legal")).containsExactly("physical", "human");
    assertThat(lookup.dimensionsOfDomain("community-culture"))
        .containsExactly("cultural", "social");
    assertThat(lookup.dimensionsOfDomain("no-such-domain")).isEmpty();
  }

  @Test
  void theDimensionPropertyHoldsCodingsFromTheDimensionCodeSystemNotCodesOfTheDomainCodeSystem() {
    CodeSystem domains = terminology.codeSystem(RECOVERY_CAPITAL_DOMAIN).orElseThrow();
    assertThat(domains.getProperty())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getCode()).isEqualTo(DIMENSION_PROPERTY);
              // type code would name a concept of recovery-capital-domain itself
              assertThat(p.getType()).isEqualTo(CodeSystem.PropertyType.CODING);
            });
    for (ConceptDefinitionComponent domain : domains.getConcept()) {
      assertThat(domain.getProperty())
          .as(domain.getCode())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.getCode()).isEqualTo(DIMENSION_PROPERTY);
                assertThat(p.hasValueCoding()).isTrue();
                assertThat(p.getValueCoding().getSystem()).isEqualTo(RECOVERY_CAPITAL_DIMENSION);
              });
    }
  }

  @Test
  void everyDomainHasAtLeastOneDimensionAndEveryDimensionIsACapitalWithDefinitionGivingTheReason() {
    for (String domain : codes(RECOVERY_CAPITAL_DOMAIN)) {
      assertThat(lookup.dimensionsOfDomain(domain))
          .as(domain)
          .isNotEmpty()
          .allSatisfy(
              d -> assertThat(lookup.contains(RECOVERY_CAPITAL_DIMENSION, d)).as(d).isTrue());
      assertThat(lookup.definition(RECOVERY_CAPITAL_DOMAIN, domain))
          .as(domain)
          .hasValueSatisfying(def -> assertThat(def).containsIgnoringCase("capital"));
    }
  }

  @Test
  void everyDimensionIsUsedByAtLeastOneDomain() {
    var used =
        codes(RECOVERY_CAPITAL_DOMAIN).stream()
            .flatMap(d -> lookup.dimensionsOfDomain(d).stream())
            .toList();
    assertThat(used).containsAll(codes(RECOVERY_CAPITAL_DIMENSION));
  }

  private static java.util.List<String> codes(String system) {
    CodeSystem codeSystem = terminology.codeSystem(system).orElseThrow();
    return codeSystem.getConcept().stream().map(ConceptDefinitionComponent::getCode).toList();
  }
}
