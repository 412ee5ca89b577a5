package org.continuumcare.routes.relay;

import java.time.Instant;
import java.util.Objects;

/**
 * What the outbox needs to know to queue a resource version for one partner endpoint.
 *
 * @param deliverBy when it should be delivered ({@link RelayPriority}); null: no deadline
 * @param patientId the logical id of the Patient the resource is about, if any (release of held
 *     rows by patient)
 */
public record NewDelivery(
    String partnerId,
    String endpointId,
    String resourceType,
    String resourceId,
    long resourceVersion,
    String correlationId,
    Instant deliverBy,
    String patientId) {

  public NewDelivery {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  /** Without deadline or patient. */
  public NewDelivery(
      String partnerId,
      String endpointId,
      String resourceType,
      String resourceId,
      long resourceVersion,
      String correlationId) {
    this(
        partnerId,
        endpointId,
        resourceType,
        resourceId,
        resourceVersion,
        correlationId,
        null,
        null);
  }

  /**
   * The key the partner may deduplicate on: stable for one resource version and endpoint, so a
   * retry or a replay of the same delivery carries the same key.
   */
  public String idempotencyKey() {
    return endpointId + ":" + resourceType + "/" + resourceId + "/_history/" + resourceVersion;
  }
}
