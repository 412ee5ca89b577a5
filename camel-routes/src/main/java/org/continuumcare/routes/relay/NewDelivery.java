package org.continuumcare.routes.relay;

import java.util.Objects;

/** What the outbox needs to know to queue a resource version for one partner endpoint. */
public record NewDelivery(
    String partnerId,
    String endpointId,
    String resourceType,
    String resourceId,
    long resourceVersion,
    String correlationId) {

  public NewDelivery {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  /**
   * The key the partner may deduplicate on: stable for one resource version and endpoint, so a
   * retry or a replay of the same delivery carries the same key.
   */
  public String idempotencyKey() {
    return endpointId + ":" + resourceType + "/" + resourceId + "/_history/" + resourceVersion;
  }
}
