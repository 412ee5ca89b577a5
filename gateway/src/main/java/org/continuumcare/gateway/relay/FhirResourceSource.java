package org.continuumcare.gateway.relay;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.continuumcare.routes.relay.ResourceSource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/** The exact version the outbox row names, read from the FHIR store as the system. */
final class FhirResourceSource implements ResourceSource {

  private final DaoRegistry daos;

  FhirResourceSource(DaoRegistry daos) {
    this.daos = daos;
  }

  @Override
  public Optional<IBaseResource> read(String resourceType, String resourceId, long version) {
    if (!daos.isResourceTypeSupported(resourceType)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          daos.getResourceDao(resourceType)
              .read(
                  new IdType(resourceType, resourceId, String.valueOf(version)),
                  new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }
}
