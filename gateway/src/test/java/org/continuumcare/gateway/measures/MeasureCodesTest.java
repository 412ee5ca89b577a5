package org.continuumcare.gateway.measures;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.continuumcare.profiles.packages.FhirPackages;
import org.continuumcare.terminology.CodeSystemLookup;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Measure;
import org.junit.jupiter.api.Test;

/**
 * The group and stratifier codes the evaluator writes into MeasureReports are the shipped Measures'
 * codes, and each is defined (with a display and a definition) in the terminology package's
 * measure-group and measure-stratifier CodeSystems.
 */
class MeasureCodesTest {

  private static final List<OutcomeMeasure> MEASURES = MeasuresConfig.outcomeMeasures();
  private static final CodeSystemLookup LOOKUP = CodeSystemLookup.shared();

  private static Map<String, Measure> shippedMeasures() {
    return FhirPackages.resources(
            FhirContext.forR4Cached(), FhirPackages.load(FhirPackages.RECOVERY), "Measure")
        .stream()
        .map(Measure.class::cast)
        .collect(Collectors.toMap(m -> m.getIdElement().getIdPart(), Function.identity()));
  }

  @Test
  void everyGroupCodeTheEvaluatorWritesIsDefinedInTheMeasureGroupCodeSystem() {
    for (OutcomeMeasure measure : MEASURES) {
      for (MeasureGroup group : measure.groups()) {
        assertDefined(MeasureReportBuilder.GROUP_SYSTEM, measure.id(), group.code());
      }
    }
  }

  @Test
  void everyStratifierCodeTheEvaluatorWritesIsDefinedInTheMeasureStratifierCodeSystem() {
    for (OutcomeMeasure measure : MEASURES) {
      for (String stratifier : stratifiers(measure)) {
        assertDefined(MeasureReportBuilder.STRATIFIER_SYSTEM, measure.id(), stratifier);
      }
    }
  }

  @Test
  void theEvaluatorWritesTheGroupAndStratifierCodesOfTheShippedMeasure() {
    Map<String, Measure> shipped = shippedMeasures();
    assertThat(shipped.keySet())
        .containsExactlyInAnyOrderElementsOf(MEASURES.stream().map(OutcomeMeasure::id).toList());
    for (OutcomeMeasure measure : MEASURES) {
      Measure resource = shipped.get(measure.id());
      assertThat(
              resource.getGroup().stream()
                  .map(g -> code(g.getCode().getCoding(), MeasureReportBuilder.GROUP_SYSTEM))
                  .toList())
          .as(measure.id())
          .containsExactlyElementsOf(measure.groups().stream().map(MeasureGroup::code).toList());
      assertThat(
              resource.getGroup().stream()
                  .flatMap(g -> g.getStratifier().stream())
                  .map(s -> code(s.getCode().getCoding(), MeasureReportBuilder.STRATIFIER_SYSTEM))
                  .collect(Collectors.toSet()))
          .as(measure.id())
          .isEqualTo(stratifiers(measure));
    }
  }

  private static Set<String> stratifiers(OutcomeMeasure measure) {
    Set<String> codes = new LinkedHashSet<>(measure.stratifiers());
    measure.groups().forEach(g -> codes.addAll(g.stratifiers()));
    return codes;
  }

  private static String code(List<Coding> codings, String system) {
    return codings.stream()
        .filter(c -> system.equals(c.getSystem()))
        .map(Coding::getCode)
        .findFirst()
        .orElse(null);
  }

  private static void assertDefined(String system, String measure, String code) {
    assertThat(LOOKUP.display(system, code)).as("%s: %s#%s", measure, system, code).isPresent();
    assertThat(LOOKUP.definition(system, code))
        .as("%s: %s#%s definition", measure, system, code)
        .isPresent();
  }
}
