package org.continuumcare.terminology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;

/** Displays, definitions and code- or Coding-valued properties of the package's CodeSystems. */
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
    return properties(system, code, property)
        .filter(ConceptPropertyComponent::hasValueCodeType)
        .map(ConceptPropertyComponent::getValueCodeType)
        .map(CodeType::getValue)
        .toList();
  }

  /**
   * The codes of the Coding values of a concept property that are in {@code valueSystem}, in order;
   * empty when the code or property is absent.
   */
  public List<String> propertyCodings(
      String system, String code, String property, String valueSystem) {
    return properties(system, code, property)
        .filter(ConceptPropertyComponent::hasValueCoding)
        .map(ConceptPropertyComponent::getValueCoding)
        .filter(coding -> valueSystem.equals(coding.getSystem()))
        .map(Coding::getCode)
        .toList();
  }

  /**
   * The recovery-capital dimension codes (social, physical, human, cultural) of a recovery-capital
   * domain: its property {@code dimension}, Codings from CodeSystem recovery-capital-dimension.
   */
  public List<String> dimensionsOfDomain(String domainCode) {
    return propertyCodings(
        ContinuumTerminology.RECOVERY_CAPITAL_DOMAIN,
        domainCode,
        ContinuumTerminology.DIMENSION_PROPERTY,
        ContinuumTerminology.RECOVERY_CAPITAL_DIMENSION);
  }

  private Stream<ConceptPropertyComponent> properties(String system, String code, String property) {
    ConceptDefinitionComponent concept = concepts.get(key(system, code));
    return concept == null
        ? Stream.empty()
        : concept.getProperty().stream().filter(p -> property.equals(p.getCode()));
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
