package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * A feature's contribution to the FHIR REST server: operation providers, resource providers and
 * interceptors. Declare an implementation as a Spring bean and the server registers it at startup,
 * so features never edit the server's wiring.
 */
@FunctionalInterface
public interface FhirServerExtension {

  void extend(RestfulServer server);
}
