package org.continuumcare.routes.relay;

import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Everything an adapter needs for one attempt: the outbox row, where to and what. */
public record Delivery(OutboxEntry entry, PartnerEndpoint endpoint, IBaseResource resource) {

  public Delivery {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(resource, "resource");
  }
}
