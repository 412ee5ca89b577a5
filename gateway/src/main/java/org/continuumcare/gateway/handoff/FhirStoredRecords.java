package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.continuumcare.routes.handoff.StoredRecords;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/** The {@link StoredRecords} port over HAPI JPA's DAOs, read as the system. */
final class FhirStoredRecords implements StoredRecords {

  private final DaoRegistry daos;

  FhirStoredRecords(DaoRegistry daos) {
    this.daos = daos;
  }

  @Override
  public Optional<Resource> read(String reference) {
    IdType id = new IdType(reference);
    if (!id.hasResourceType()
        || !id.hasIdPart()
        || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          (Resource)
              daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  @Override
  public <T extends DomainResource> List<T> withIdentifier(
      Class<T> type, String system, List<String> values) {
    IFhirResourceDao<T> dao = daos.getResourceDao(type);
    TokenOrListParam any = new TokenOrListParam();
    values.forEach(value -> any.add(system, value));
    SearchParameterMap map = SearchParameterMap.newSynchronous();
    map.add("identifier", any);
    List<T> resources = new ArrayList<>();
    for (IBaseResource resource : dao.search(map, new SystemRequestDetails()).getAllResources()) {
      resources.add(type.cast(resource));
    }
    return resources;
  }
}
