package org.continuumcare.gateway.demo;

import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.demo.DemoProperties.DemoOrganization;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Pure mapping of the configured demo Organizations to FHIR resources with fixed ids: each
 * Organization, then its Endpoint, which names it as managingOrganization (how the relay finds a
 * partner's endpoints; the Organization does not list it back, so neither write depends on a later
 * one). The same configuration always gives the same resources, so writing them again changes
 * nothing.
 */
final class DemoResources {

  static final String ENDPOINT_CONNECTION_TYPE =
      "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
  static final String ENDPOINT_PAYLOAD_TYPE =
      "http://terminology.hl7.org/CodeSystem/endpoint-payload-type";
  static final String DEMO_TAG_SYSTEM = ContinuumTerminology.BASE + "/demo-data";

  private DemoResources() {}

  static List<Resource> of(List<DemoOrganization> organizations) {
    List<Resource> resources = new ArrayList<>();
    for (DemoOrganization demo : organizations) {
      Organization organization = new Organization();
      organization.setId("Organization/" + demo.id());
      organization.getMeta().addTag(DEMO_TAG_SYSTEM, "demo", "Demo data of the zero-setup run");
      organization.setActive(true);
      organization.setName(demo.name());
      if (demo.type() != null && !demo.type().isBlank()) {
        organization.addType(
            new CodeableConcept(new Coding(ContinuumTerminology.PARTNER_TYPE, demo.type(), null)));
      }
      resources.add(organization);
      if (demo.hasEndpoint()) {
        Endpoint endpoint = new Endpoint();
        endpoint.setId("Endpoint/" + demo.endpointId());
        endpoint.getMeta().addTag(DEMO_TAG_SYSTEM, "demo", "Demo data of the zero-setup run");
        endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
        endpoint.setConnectionType(
            new Coding(ENDPOINT_CONNECTION_TYPE, demo.connectionType(), null));
        endpoint.setName(demo.name() + " endpoint");
        endpoint.addPayloadType(
            new CodeableConcept(new Coding(ENDPOINT_PAYLOAD_TYPE, "any", "Any")));
        endpoint.setAddress(demo.endpointAddress());
        endpoint.setManagingOrganization(new Reference("Organization/" + demo.id()));
        resources.add(endpoint);
      }
    }
    return resources;
  }
}
