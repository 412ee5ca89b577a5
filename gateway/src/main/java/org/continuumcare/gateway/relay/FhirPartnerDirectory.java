package org.continuumcare.gateway.relay;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.continuumcare.routes.relay.PartnerDirectory;
import org.continuumcare.routes.relay.PartnerEndpoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Partners as FHIR data: an Organization's endpoints are those it lists in {@code
 * Organization.endpoint} and those whose {@code Endpoint.managingOrganization} is it. Reads go
 * through HAPI's DAOs as the system, so they see data regardless of the caller.
 */
final class FhirPartnerDirectory implements PartnerDirectory {

  private final IFhirResourceDao<Endpoint> endpoints;
  private final IFhirResourceDao<Organization> organizations;

  FhirPartnerDirectory(DaoRegistry daos) {
    this.endpoints = daos.getResourceDao(Endpoint.class);
    this.organizations = daos.getResourceDao(Organization.class);
  }

  @Override
  public Optional<PartnerEndpoint> endpoint(String endpointId) {
    return readEndpoint(endpointId)
        .map(
            endpoint ->
                toPartnerEndpoint(
                    endpoint,
                    endpoint.getManagingOrganization().getReferenceElement().getIdPart()));
  }

  @Override
  public List<PartnerEndpoint> endpointsOf(String organizationId) {
    Map<String, Endpoint> found = new LinkedHashMap<>();
    readOrganization(organizationId)
        .ifPresent(
            organization -> {
              for (Reference reference : organization.getEndpoint()) {
                String id = reference.getReferenceElement().getIdPart();
                if (id != null) {
                  readEndpoint(id).ifPresent(e -> found.put(e.getIdElement().getIdPart(), e));
                }
              }
            });
    SearchParameterMap managed =
        SearchParameterMap.newSynchronous(
            Endpoint.SP_ORGANIZATION, new ReferenceParam("Organization/" + organizationId));
    endpoints
        .searchForResources(managed, new SystemRequestDetails())
        .forEach(
            resource -> {
              Endpoint endpoint = (Endpoint) resource;
              found.putIfAbsent(endpoint.getIdElement().getIdPart(), endpoint);
            });
    List<PartnerEndpoint> result = new ArrayList<>();
    found.values().forEach(endpoint -> result.add(toPartnerEndpoint(endpoint, organizationId)));
    return result;
  }

  private Optional<Endpoint> readEndpoint(String id) {
    try {
      return Optional.of(endpoints.read(new IdType("Endpoint", id), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  private Optional<Organization> readOrganization(String id) {
    try {
      return Optional.of(
          organizations.read(new IdType("Organization", id), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  private static PartnerEndpoint toPartnerEndpoint(Endpoint endpoint, String organizationId) {
    URI address;
    try {
      address = endpoint.hasAddress() ? URI.create(endpoint.getAddress()) : null;
    } catch (IllegalArgumentException invalid) {
      address = null;
    }
    return new PartnerEndpoint(
        endpoint.getIdElement().getIdPart(),
        organizationId == null ? "" : organizationId,
        endpoint.getConnectionType().getCode(),
        address,
        endpoint.getHeader().stream().map(StringType::getValue).toList(),
        endpoint.getStatus() == Endpoint.EndpointStatus.ACTIVE);
  }
}
