package org.continuumcare.routes.relay;

import java.util.List;
import java.util.Optional;

/**
 * Partners are FHIR data: Organizations with Endpoints. The gateway implements this on its FHIR
 * store; the relay only reads through it.
 */
public interface PartnerDirectory {

  /** One endpoint by its id, if it exists. */
  Optional<PartnerEndpoint> endpoint(String endpointId);

  /** The endpoints managed by an Organization (active or not). */
  List<PartnerEndpoint> endpointsOf(String organizationId);
}
