package org.continuumcare.routes.relay;

import java.time.Instant;

/**
 * One delivery of one resource version to one partner endpoint, as stored in the outbox.
 *
 * @param attempts attempts made (claims), including those answered with Retry-After
 * @param deliverBy when it should be delivered, if it has a deadline
 * @param patientId the Patient the resource is about, if known
 * @param firstAttemptAt start of the first attempt that failed transiently (retry horizon)
 * @param throttled how many of the attempts the partner answered with Retry-After
 */
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
    Instant deliveredAt,
    Instant deliverBy,
    String patientId,
    Instant firstAttemptAt,
    int throttled) {

  /** A row without deadline, patient or failures yet. */
  public OutboxEntry(
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
    this(
        id,
        partnerId,
        endpointId,
        resourceType,
        resourceId,
        resourceVersion,
        idempotencyKey,
        correlationId,
        state,
        attempts,
        nextAttemptAt,
        leaseToken,
        leaseUntil,
        lastError,
        lastStatus,
        createdAt,
        updatedAt,
        deliveredAt,
        null,
        null,
        null,
        0);
  }

  /** The same row pointed at a real endpoint (see {@link OutboxStore#reroute}). */
  public OutboxEntry routedTo(String endpoint, String key) {
    return new OutboxEntry(
        id,
        partnerId,
        endpoint,
        resourceType,
        resourceId,
        resourceVersion,
        key,
        correlationId,
        state,
        attempts,
        nextAttemptAt,
        leaseToken,
        leaseUntil,
        lastError,
        lastStatus,
        createdAt,
        updatedAt,
        deliveredAt,
        deliverBy,
        patientId,
        firstAttemptAt,
        throttled);
  }

  /** {@code Type/id/_history/version}, for logs and audit. */
  public String versionedReference() {
    return resourceType + "/" + resourceId + "/_history/" + resourceVersion;
  }

  /** Attempts that count against max-attempts and the backoff (not those answered Retry-After). */
  public int countedAttempts() {
    return attempts - throttled;
  }
}
