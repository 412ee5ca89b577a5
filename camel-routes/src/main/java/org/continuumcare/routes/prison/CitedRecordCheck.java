package org.continuumcare.routes.prison;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.prison.HandoffCitation;
import org.continuumcare.routes.prison.HandoffProblem;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.hl7.fhir.instance.model.api.IBaseResource;
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

  private final DaoRegistry daos;
  private final CitedRecordRule rule;

  CitedRecordCheck(DaoRegistry daos, CitedRecordRule rule) {
    this.daos = Objects.requireNonNull(daos, "daos");
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
      Resource cited;
      try {
        cited =
            (Resource)
                daos.getResourceDao(id.getResourceType())
                    .read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
      } catch (ResourceNotFoundException | ResourceGoneException missing) {
        errors.add(
            new HandoffProblem.FieldError(
                citation.pointer(), "no " + id.getResourceType() + " with this id is stored"));
        continue;
      }
      rule.refusal(cited, person, handoff.identifiers())
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
    SearchParameterMap byIdentifier =
        SearchParameterMap.newSynchronous(
            Patient.SP_IDENTIFIER, new TokenParam(key.system(), key.value()));
    List<IBaseResource> found =
        daos.getResourceDao(Patient.class)
            .search(byIdentifier, new SystemRequestDetails())
            .getResources(0, 2);
    // two matches: the transaction itself refuses the handoff (412); cite against neither
    return found.size() == 1
        ? Optional.of("Patient/" + found.get(0).getIdElement().getIdPart())
        : Optional.empty();
  }
}
