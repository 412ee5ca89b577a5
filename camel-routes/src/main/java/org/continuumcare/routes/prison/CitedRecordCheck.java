package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.handoff.StoredRecords;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Before a JSON handoff is stored: every record it cites ({@link HandoffCitation}: the latest
 * assessment, the consent) must exist and be a record of the person handed over ({@link
 * CitedRecordRule}), i.e. of the Patient its first identifier matches, the one the transaction will
 * update. A handoff of a person not stored yet can therefore cite no one's records but records that
 * name no one. Each refusal names the citing field (422). Records are read as the system, as the
 * handoff document assembler reads them.
 */
final class CitedRecordCheck {

  private final StoredRecords records;
  private final CitedRecordRule rule;

  CitedRecordCheck(StoredRecords records, CitedRecordRule rule) {
    this.records = Objects.requireNonNull(records, "records");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** Every citing field at fault; empty when the handoff may be stored. */
  List<HandoffProblem.FieldError> check(ReleaseHandoff handoff) {
    List<HandoffCitation> citations = HandoffCitation.of(handoff);
    if (citations.isEmpty()) {
      return List.of();
    }
    Optional<String> person = storedPatient(handoff.identifiers().get(0));
    List<HandoffProblem.FieldError> errors = new ArrayList<>();
    for (HandoffCitation citation : citations) {
      IdType id = new IdType(citation.reference());
      Optional<Resource> stored = records.read(id.toUnqualifiedVersionless().getValue());
      if (stored.isEmpty()) {
        errors.add(
            new HandoffProblem.FieldError(
                citation.pointer(), "no " + id.getResourceType() + " with this id is stored"));
        continue;
      }
      rule.refusal(stored.get(), person, handoff.identifiers())
          .ifPresent(
              reason -> errors.add(new HandoffProblem.FieldError(citation.pointer(), reason)));
    }
    return errors;
  }

  /**
   * The Patient the transaction's conditional update {@code Patient?identifier=<first>} will match,
   * if any.
   */
  private Optional<String> storedPatient(PersonIdentifier key) {
    List<Patient> found = records.withIdentifier(Patient.class, key.system(), List.of(key.value()));
    // two matches: the transaction itself refuses the handoff (412); cite against neither
    return found.size() == 1
        ? Optional.of("Patient/" + found.get(0).getIdElement().getIdPart())
        : Optional.empty();
  }
}
