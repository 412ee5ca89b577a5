package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whether a record a handoff cites is a record of the person handed over: every element that says
 * whose record it is ({@code subject}, {@code patient}, {@code for}, {@code beneficiary}; e.g.
 * QuestionnaireResponse.subject, Observation.subject, Consent.patient) must name that person's
 * Patient, or one of the handoff's identifiers. A record naming someone else (another Patient, a
 * Group, a Patient elsewhere) is refused. A record that names no one at all is no one's record and
 * may be cited. Pure: the caller reads the record and finds the person's Patient.
 */
final class CitedRecordRule {

  private static final List<String> OWNER_ELEMENTS =
      List.of("subject", "patient", "for", "beneficiary");

  private final FhirContext fhirContext;

  CitedRecordRule(FhirContext fhirContext) {
    this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
  }

  /**
   * Why {@code cited} may not be cited by a handoff of {@code person} (the Patient the handoff's
   * first identifier matches, as {@code Patient/id}, empty for a person not stored yet) with {@code
   * identifiers}; empty when it may.
   */
  Optional<String> refusal(
      Resource cited, Optional<String> person, List<PersonIdentifier> identifiers) {
    RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(cited);
    for (String element : OWNER_ELEMENTS) {
      if (definition.getChildByName(element) == null) {
        continue;
      }
      for (Reference owner :
          fhirContext
              .newTerser()
              .getValues(cited, definition.getName() + "." + element, Reference.class)) {
        if (!isThePerson(owner, person, identifiers)) {
          return Optional.of(
              "is a record of another person: a handoff may cite only records of the person it"
                  + " hands over");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isThePerson(
      Reference owner, Optional<String> person, List<PersonIdentifier> identifiers) {
    if (owner.hasReference()) {
      String reference = owner.getReference();
      if (reference.startsWith("#") || reference.contains(":")) {
        return false;
      }
      IdType id = new IdType(reference);
      return "Patient".equals(id.getResourceType())
          && id.hasIdPart()
          && person.filter(p -> p.equals("Patient/" + id.getIdPart())).isPresent();
    }
    if (owner.hasIdentifier()) {
      Set<String> keys =
          Set.copyOf(identifiers.stream().map(i -> i.system() + "|" + i.value()).toList());
      return keys.contains(
          owner.getIdentifier().getSystem() + "|" + owner.getIdentifier().getValue());
    }
    // an owner element with neither reference nor identifier (display only) names someone unknown
    return !owner.hasDisplay();
  }
}
