package org.continuumcare.terminology;

import java.util.Objects;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * One target of a ConceptMap translation: the target code and how well it matches the source.
 *
 * @param system target code system URL
 * @param code target code
 * @param display target display as written in the ConceptMap (may be null)
 * @param equivalence how the target relates to the source (equivalent, wider, inexact ...)
 * @param comment the map's comment on this translation (may be null)
 */
public record Translation(
    String system, String code, String display, ConceptMapEquivalence equivalence, String comment) {

  public Translation {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(equivalence, "equivalence");
  }

  /** A new Coding for the target (callers may modify it freely). */
  public Coding toCoding() {
    return new Coding(system, code, display);
  }
}
