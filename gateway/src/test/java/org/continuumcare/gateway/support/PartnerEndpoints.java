package org.continuumcare.gateway.support;

import org.continuumcare.routes.relay.FhirRestAdapter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Reference;

/** Partner Endpoints as the relay reads them, for tests to store. */
public final class PartnerEndpoints {

  private PartnerEndpoints() {}

  /**
   * An active FHIR REST Endpoint of {@code organizationId} at {@code address}, any payload; not
   * stored yet.
   */
  public static Endpoint fhirRest(String organizationId, String address) {
    Endpoint endpoint = new Endpoint();
    endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
    endpoint.setConnectionType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
            FhirRestAdapter.CONNECTION_TYPE,
            null));
    endpoint.addPayloadType(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "any", null)));
    endpoint.setAddress(address);
    endpoint.setManagingOrganization(new Reference("Organization/" + organizationId));
    return endpoint;
  }
}
