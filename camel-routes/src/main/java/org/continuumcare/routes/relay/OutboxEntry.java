package org.continuumcare.routes.relay;

import java.time.Instant;

/** One delivery of one resource version to one partner endpoint, as stored in the outbox. */
public record OutboxEntry(
    long id,
    String partnerId,
    String endpointId,
    String resourceType,
    String resourceId,
    long resourceVersion,
    String idempotencyKey,
    String correlationId,
    OutboxState state,
    int attempts,
    Instant nextAttemptAt,
    String leaseToken,
    Instant leaseUntil,
    String lastError,
    Integer lastStatus,
    Instant createdAt,
    Instant updatedAt,
    Instant deliveredAt) {

  /** {@code Type/id/_history/version}, for logs and audit. */
  public String versionedReference() {
    return resourceType + "/" + resourceId + "/_history/" + resourceVersion;
  }
}
