package org.continuumcare.routes.prison;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.routes.prison.HandoffRecords;
import org.continuumcare.routes.prison.PrisonFhir;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A handoff's Composition, referral ServiceRequests and Tasks in HAPI JPA, read as the system by
 * their release-handoff identifiers (what a cancel withdraws).
 */
final class StoredHandoffRecords implements HandoffRecords {

  private final DaoRegistry daos;

  FhirHandoffRecords(DaoRegistry daos) {
    this.daos = daos;
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
    IFhirResourceDao<T> dao = daos.getResourceDao(type);
    TokenOrListParam any = new TokenOrListParam();
    identifiers.forEach(value -> any.add(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM, value));
    SearchParameterMap map = SearchParameterMap.newSynchronous();
    map.add("identifier", any);
    List<T> resources = new ArrayList<>();
    for (IBaseResource resource : dao.search(map, new SystemRequestDetails()).getAllResources()) {
      resources.add(type.cast(resource));
    }
    return resources;
  }
}
