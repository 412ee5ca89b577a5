package org.continuumcare.routes.relay;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened in one attempt, for audit and metrics.
 *
 * @param entry the outbox row as claimed (its {@code attempts} is this attempt's number)
 * @param outcome delivered, retry scheduled, dead-lettered, or held by the disclosure gate
 * @param status the partner's HTTP status, if it answered
 * @param reason why it failed or was held (null when delivered); never a resource body
 * @param duration how long the attempt took
 * @param nextAttemptAt when the retry (or the re-check of a held row) is due
 */
public record DeliveryAttempt(
    OutboxEntry entry,
    Outcome outcome,
    Integer status,
    String reason,
    Duration duration,
    Instant nextAttemptAt) {

  /** Result of one attempt. */
  public enum Outcome {
    DELIVERED,
    RETRY,
    DEAD,
    HELD
  }

  /** Commit of the outbox row to this attempt's end, for delivered rows: end-to-end latency. */
  public Duration sinceQueued(Instant end) {
    return Duration.between(entry.createdAt(), end);
  }
}
