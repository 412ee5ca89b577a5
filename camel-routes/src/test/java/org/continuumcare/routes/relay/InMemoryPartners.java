package org.continuumcare.routes.relay;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Test implementations of the two interfaces the gateway implements on its FHIR store: endpoints
 * and resource versions held in maps the test fills.
 */
final class InMemoryPartners implements PartnerDirectory, ResourceSource {

  private final Map<String, PartnerEndpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<String, IBaseResource> versions = new ConcurrentHashMap<>();

  void put(PartnerEndpoint endpoint) {
    endpoints.put(endpoint.endpointId(), endpoint);
  }

  void put(String type, String id, long version, IBaseResource resource) {
    versions.put(type + "/" + id + "/" + version, resource);
  }

  @Override
  public Optional<PartnerEndpoint> endpoint(String endpointId) {
    return Optional.ofNullable(endpoints.get(endpointId));
  }

  @Override
  public List<PartnerEndpoint> endpointsOf(String organizationId) {
    return endpoints.values().stream().filter(e -> e.partnerId().equals(organizationId)).toList();
  }

  @Override
  public Optional<IBaseResource> read(String resourceType, String resourceId, long version) {
    return Optional.ofNullable(versions.get(resourceType + "/" + resourceId + "/" + version));
  }
}
