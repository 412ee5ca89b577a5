package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPath.IParsedExpression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.gateway.consent.ConsentProperties.CodedIn;
import org.continuumcare.gateway.consent.ConsentProperties.LabelRule;
import org.continuumcare.terminology.ValueSetMembership;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Which resources are SUD records (pure: the rules are data, evaluated with FHIRPath).
 *
 * <p>A resource is labelled when (1) it is already labelled, (2) a configured SUD program writes a
 * clinical resource type, (3) a {@link LabelRule}'s criteria hold, (4) a code a rule looks at is in
 * the rule's ValueSet of the terminology package ({@code sud-conditions}, {@code sud-medications},
 * ...: the codes are data there, not here), or (5) a rule says it inherits from resources it
 * references and one of them is labelled (the caller resolves those references: {@link
 * Decision#inheritFrom()}).
 */
public final class LabelPolicy {

  /** What the policy found about one resource. */
  public record Decision(boolean label, List<String> reasons, List<String> inheritFrom) {}

  private record CompiledRule(
      LabelRule rule,
      IParsedExpression criteria,
      IParsedExpression inherit,
      List<CompiledCodes> codes) {}

  private record CompiledCodes(IParsedExpression path, String valueSet, String valueSetId) {}

  private final FhirContext fhirContext;
  private final IFhirPath fhirPath;
  private final Set<String> programs;
  private final Set<String> programRecordTypes;
  private final List<CompiledRule> rules;
  private final ValueSetMembership valueSets;

  /**
   * @param valueSets the ValueSets of the terminology package the rules' {@code codes} name; each
   *     named one must exist and be evaluable, or construction fails naming the rule
   */
  public LabelPolicy(
      FhirContext fhirContext, ConsentProperties properties, ValueSetMembership valueSets) {
    this.fhirContext = fhirContext;
    this.fhirPath = fhirContext.newFhirPath();
    this.valueSets = valueSets;
    this.programs = Set.copyOf(properties.sudPrograms());
    this.programRecordTypes = Set.copyOf(properties.programRecordTypes());
    List<CompiledRule> compiled = new ArrayList<>();
    for (LabelRule rule : properties.labelRules()) {
      List<CompiledCodes> codes = new ArrayList<>();
      for (CodedIn coded : rule.codes()) {
        codes.add(
            new CompiledCodes(
                parse(rule, coded.path()),
                valueSet(rule, coded.valueSet()),
                coded.valueSet().substring(coded.valueSet().lastIndexOf('/') + 1)));
      }
      compiled.add(
          new CompiledRule(
              rule,
              parse(rule, rule.criteria()),
              parse(rule, rule.inheritFrom()),
              List.copyOf(codes)));
    }
    this.rules = List.copyOf(compiled);
  }

  private String valueSet(LabelRule rule, String valueSet) {
    try {
      return valueSets.require(valueSet);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "continuum.consent.label-rules '"
              + rule.name()
              + "': ValueSet "
              + valueSet
              + " cannot be used: "
              + e.getMessage(),
          e);
    }
  }

  private IParsedExpression parse(LabelRule rule, String expression) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    try {
      return fhirPath.parse(expression);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "continuum.consent.label-rules '"
              + rule.name()
              + "': invalid FHIRPath "
              + expression
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Whether {@code organizationId} is a configured SUD program. */
  public boolean isProgram(String organizationId) {
    return organizationId != null && programs.contains(organizationId);
  }

  /**
   * Decides about {@code resource} written by a client acting for {@code writerOrganization} (empty
   * for the gateway's own writes).
   */
  public Decision decide(IBaseResource resource, Optional<String> writerOrganization) {
    String type = fhirContext.getResourceType(resource);
    List<String> reasons = new ArrayList<>();
    Set<String> inherit = new LinkedHashSet<>();
    if (SecurityLabels.isPart2(resource)) {
      reasons.add("already labelled");
    }
    if (writerOrganization.filter(this::isProgram).isPresent()
        && programRecordTypes.contains(type)) {
      reasons.add("written by SUD program " + writerOrganization.get());
    }
    for (CompiledRule compiled : rules) {
      if (!type.equals(compiled.rule().resourceType())) {
        continue;
      }
      if (compiled.criteria() != null && isTrue(resource, compiled.criteria())) {
        reasons.add("rule " + compiled.rule().name());
      }
      for (CompiledCodes codes : compiled.codes()) {
        if (anyIn(resource, codes)) {
          reasons.add("rule " + compiled.rule().name() + " (a code in " + codes.valueSetId() + ")");
        }
      }
      if (compiled.inherit() != null) {
        for (IBaseReference reference :
            fhirPath.evaluate(resource, compiled.inherit(), IBaseReference.class)) {
          if (reference.getReferenceElement() != null
              && reference.getReferenceElement().getValue() != null) {
            inherit.add(reference.getReferenceElement().getValue());
          }
        }
      }
    }
    return new Decision(!reasons.isEmpty(), List.copyOf(reasons), List.copyOf(inherit));
  }

  private boolean anyIn(IBaseResource resource, CompiledCodes codes) {
    for (IBase element : fhirPath.evaluate(resource, codes.path(), IBase.class)) {
      List<Coding> codings =
          element instanceof CodeableConcept concept
              ? concept.getCoding()
              : element instanceof Coding coding ? List.of(coding) : List.of();
      for (Coding coding : codings) {
        if (valueSets.contains(codes.valueSet(), coding.getSystem(), coding.getCode())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isTrue(IBaseResource resource, IParsedExpression expression) {
    List<BooleanType> result = fhirPath.evaluate(resource, expression, BooleanType.class);
    return result.size() == 1 && result.get(0).booleanValue();
  }
}
