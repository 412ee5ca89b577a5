package org.continuumcare.terminology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;

/** Displays and code-valued properties of the concepts in the package's CodeSystems. */
public final class CodeSystemLookup {

  /** "system|code" -> concept, over every CodeSystem of the package (nested concepts included). */
  private final Map<String, ConceptDefinitionComponent> concepts;

  public CodeSystemLookup(TerminologyPackage terminology) {
    Objects.requireNonNull(terminology, "terminology");
    Map<String, ConceptDefinitionComponent> all = new HashMap<>();
    for (CodeSystem codeSystem : terminology.codeSystems()) {
      addAll(all, codeSystem.getUrl(), codeSystem.getConcept());
    }
    this.concepts = Map.copyOf(all);
  }

  /** The lookup over the package shipped in this jar, built on first use. */
  public static CodeSystemLookup shared() {
    return Shared.INSTANCE;
  }

  /** Whether the package defines this code. */
  public boolean contains(String system, String code) {
    return concepts.containsKey(key(system, code));
  }

  /** The display of a code; empty when the package has no such code. */
  public Optional<String> display(String system, String code) {
    return Optional.ofNullable(concepts.get(key(system, code)))
        .map(ConceptDefinitionComponent::getDisplay);
  }

  /** The definition of a code; empty when the package has no such code or it has no definition. */
  public Optional<String> definition(String system, String code) {
    return Optional.ofNullable(concepts.get(key(system, code)))
        .filter(ConceptDefinitionComponent::hasDefinition)
        .map(ConceptDefinitionComponent::getDefinition);
  }

  /** The code values of a concept property, in order; empty when the code or property is absent. */
  public List<String> propertyCodes(String system, String code, String property) {
    ConceptDefinitionComponent concept = concepts.get(key(system, code));
    if (concept == null) {
      return List.of();
    }
    return concept.getProperty().stream()
        .filter(p -> property.equals(p.getCode()) && p.hasValueCodeType())
        .map(ConceptPropertyComponent::getValueCodeType)
        .map(org.hl7.fhir.r4.model.CodeType::getValue)
        .toList();
  }

  /**
   * The recovery-capital dimension codes (social, physical, human, cultural) of a recovery-capital
   * domain.
   */
  public List<String> dimensionsOfDomain(String domainCode) {
    return propertyCodes(
        ContinuumTerminology.RECOVERY_CAPITAL_DOMAIN,
        domainCode,
        ContinuumTerminology.DIMENSION_PROPERTY);
  }

  private static void addAll(
      Map<String, ConceptDefinitionComponent> all,
      String system,
      List<ConceptDefinitionComponent> concepts) {
    for (ConceptDefinitionComponent concept : concepts) {
      all.put(key(system, concept.getCode()), concept);
      addAll(all, system, concept.getConcept());
    }
  }

  private static String key(String system, String code) {
    return system + "|" + code;
  }

  private static final class Shared {
    private static final CodeSystemLookup INSTANCE =
        new CodeSystemLookup(TerminologyPackage.shared());
  }
}
