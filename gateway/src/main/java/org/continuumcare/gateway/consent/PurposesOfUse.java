package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;

/**
 * The HL7 v3 PurposeOfUse hierarchy (CodeSystem {@code v3-ActReason}, concept {@code PurposeOfUse}
 * and its descendants), read from the copy HAPI ships with FHIR R4 rather than written down here. A
 * consent that lists a purpose covers its specialisations: {@code TREAT} covers {@code COC}, {@code
 * ETREAT}, {@code BTG}, {@code POPHLTH} and {@code CLINTRL}; {@code HOPERAT} covers {@code
 * HSYSADMIN}. Purposes of legal proceedings ({@code HLEGAL} and, in the privacy reasons, {@code
 * LEGAL}, with their descendants) are never granted by a consent: 42 CFR 2.31(d) and subpart E
 * reserve them to a court order.
 */
public final class PurposesOfUse {

  public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  private static final String ROOT = "PurposeOfUse";
  private static final Set<String> LEGAL_ROOTS = Set.of("HLEGAL", "LEGAL");

  private final Map<String, String> parents;
  private final Set<String> purposes;

  PurposesOfUse(Map<String, String> parents) {
    this.parents =
        java.util.Collections.unmodifiableMap(
            new HashMap<>(parents)); // roots have no parent (null)
    Set<String> under = new HashSet<>();
    for (String code : parents.keySet()) {
      if (isUnder(code, ROOT)) {
        under.add(code);
      }
    }
    this.purposes = Set.copyOf(under);
  }

  /** The hierarchy as HAPI ships it with FHIR R4. */
  public static PurposesOfUse fromHapi(FhirContext fhirContext) {
    CodeSystem actReason =
        (CodeSystem) new DefaultProfileValidationSupport(fhirContext).fetchCodeSystem(SYSTEM);
    if (actReason == null) {
      throw new IllegalStateException("The FHIR R4 definitions on the classpath have no " + SYSTEM);
    }
    Map<String, String> parents = new HashMap<>();
    for (ConceptDefinitionComponent concept : actReason.getConcept()) {
      collect(concept, null, parents);
    }
    return new PurposesOfUse(parents);
  }

  private static void collect(
      ConceptDefinitionComponent concept, String parent, Map<String, String> parents) {
    parents.put(concept.getCode(), parent);
    for (ConceptDefinitionComponent child : concept.getConcept()) {
      collect(child, concept.getCode(), parents);
    }
  }

  /** Whether {@code code} is a purpose of use at all (a descendant of {@code PurposeOfUse}). */
  public boolean isPurposeOfUse(String code) {
    return purposes.contains(code);
  }

  /** Whether a consent listing {@code listed} covers a disclosure for {@code requested}. */
  public boolean covers(String listed, String requested) {
    if (listed == null || requested == null || isLegalProceedings(requested)) {
      return false;
    }
    return listed.equals(requested) || isUnder(requested, listed);
  }

  /** Whether {@code code} is a purpose of legal proceedings, which no consent grants. */
  public boolean isLegalProceedings(String code) {
    return LEGAL_ROOTS.contains(code) || LEGAL_ROOTS.stream().anyMatch(root -> isUnder(code, root));
  }

  private boolean isUnder(String code, String ancestor) {
    for (String parent = parents.get(code); parent != null; parent = parents.get(parent)) {
      if (parent.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }
}
