package org.continuumcare.routes.relay;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A partner's endpoint as read from FHIR data (an {@code Endpoint} managed by an {@code
 * Organization}).
 *
 * @param endpointId the Endpoint's logical id
 * @param partnerId the managing Organization's logical id
 * @param connectionType the Endpoint.connectionType code, e.g. {@code hl7-fhir-rest}
 * @param address the base address (for FHIR REST: the partner's FHIR base)
 * @param headers Endpoint.header values, each {@code Name: value}; never credentials
 * @param active whether Endpoint.status is active
 */
public record PartnerEndpoint(
    String endpointId,
    String partnerId,
    String connectionType,
    URI address,
    List<String> headers,
    boolean active) {

  public PartnerEndpoint {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(partnerId, "partnerId");
    headers = headers == null ? List.of() : List.copyOf(headers);
  }
}
