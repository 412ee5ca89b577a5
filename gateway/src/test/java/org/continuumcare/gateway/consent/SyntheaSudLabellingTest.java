package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.continuumcare.terminology.ValueSetMembership;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The shipped label rules on a Synthea-style population (consent/synthea-style-sud-population.json:
 * three patients, the SNOMED CT, ICD-10-CM, LOINC, RxNorm and ICD-10-PCS codes Synthea 3.3.0 and
 * real systems write, fixed ids): every SUD record is labelled and nothing else. Ids say what is
 * expected: {@code sud-*} must be labelled, {@code plain-*} must not (patients are never).
 */
class SyntheaSudLabellingTest {

  static final String POPULATION = "consent/synthea-style-sud-population.json";
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final LabelPolicy policy = new LabelPolicy(FHIR, shipped(), ValueSetMembership.shared());

  static ConsentProperties shipped() {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader()
              .load("application", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources.get(0)))
          .bind("continuum.consent", ConsentProperties.class)
          .get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bundle population() {
    try (InputStream in =
        SyntheaSudLabellingTest.class.getClassLoader().getResourceAsStream(POPULATION)) {
      return FHIR.newJsonParser().parseResource(Bundle.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Labels as the server does: by the policy, then by inheritance from the resources a rule points
   * at (resolved within the population, as SudLabelInterceptor resolves them in the store).
   */
  private Set<String> labelled(Bundle population) {
    Map<String, Resource> byId = new HashMap<>();
    population
        .getEntry()
        .forEach(
            e ->
                byId.put(
                    e.getResource().getIdElement().toUnqualifiedVersionless().getValue(),
                    e.getResource()));
    Set<String> labelled = new TreeSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, Resource> entry : byId.entrySet()) {
        if (labelled.contains(entry.getKey())) {
          continue;
        }
        LabelPolicy.Decision decision = policy.decide(entry.getValue(), Optional.empty());
        if (decision.label() || decision.inheritFrom().stream().anyMatch(labelled::contains)) {
          labelled.add(entry.getKey());
          changed = true;
        }
      }
    }
    return labelled;
  }

  private static Set<String> idsStartingWith(Bundle population, String prefix) {
    Set<String> ids = new TreeSet<>();
    population.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r.getIdElement().getIdPart().startsWith(prefix))
        .forEach(r -> ids.add(r.getIdElement().toUnqualifiedVersionless().getValue()));
    return ids;
  }

  @Test
  void everySudRecordOfTheSyntheaStylePopulationIsLabelledAndNothingElse() {
    Bundle population = population();

    Set<String> labelled = labelled(population);

    assertThat(idsStartingWith(population, "sud-")).hasSizeGreaterThan(20);
    assertThat(labelled).containsExactlyInAnyOrderElementsOf(idsStartingWith(population, "sud-"));
  }

  @Test
  void theSnomedCodedConditionsSyntheaWritesAreLabelledByTheirCode() {
    Bundle population = population();

    for (String id :
        List.of(
            "Condition/sud-condition-dependent-drug-abuse",
            "Condition/sud-condition-misuses-drugs",
            "Condition/sud-condition-opioid-abuse",
            "Condition/sud-condition-alcoholism")) {
      Resource condition =
          population.getEntry().stream()
              .map(Bundle.BundleEntryComponent::getResource)
              .filter(r -> r.getIdElement().toUnqualifiedVersionless().getValue().equals(id))
              .findFirst()
              .orElseThrow();
      assertThat(policy.decide(condition, Optional.empty()).reasons())
          .as(id)
          .containsExactly("rule sud-condition (a code in sud-conditions)");
    }
  }

  @Test
  void aGenericProcedureIsLabelledThroughTheSudConditionItTreats() {
    Resource rehabilitation =
        population().getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(
                r ->
                    r.getIdElement()
                        .getIdPart()
                        .equals("sud-procedure-rehabilitation-for-drug-abuse"))
            .findFirst()
            .orElseThrow();

    LabelPolicy.Decision decision = policy.decide(rehabilitation, Optional.empty());

    assertThat(decision.label()).isFalse();
    assertThat(decision.inheritFrom())
        .containsExactly("Condition/sud-condition-dependent-drug-abuse");
  }
}
