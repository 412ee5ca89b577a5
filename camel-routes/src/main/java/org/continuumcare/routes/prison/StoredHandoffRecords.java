package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.continuumcare.routes.handoff.StoredRecords;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A handoff's Composition, referral ServiceRequests and Tasks in the FHIR store, read as the system
 * by their release-handoff identifiers (what a cancel withdraws).
 */
final class StoredHandoffRecords implements HandoffRecords {

  private final StoredRecords records;

  StoredHandoffRecords(StoredRecords records) {
    this.records = Objects.requireNonNull(records, "records");
  }

  @Override
  public List<DomainResource> find(String handoffId) {
    List<DomainResource> found = new ArrayList<>();
    found.addAll(
        search(Composition.class, List.of(HandoffRecords.compositionIdentifier(handoffId))));
    found.addAll(search(ServiceRequest.class, HandoffRecords.referralIdentifiers(handoffId)));
    found.addAll(search(Task.class, HandoffRecords.taskIdentifiers(handoffId)));
    return found;
  }

  private <T extends DomainResource> List<T> search(Class<T> type, List<String> identifiers) {
    return records.withIdentifier(type, PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM, identifiers);
  }
}
