package org.continuumcare.routes.relay;

/** Lifecycle of one outbox row. */
public enum OutboxState {
  /** Waiting for its next attempt (or its first). */
  PENDING,
  /** Claimed by a consumer holding a lease. */
  IN_FLIGHT,
  /** The partner accepted it. */
  DELIVERED,
  /** Given up: permanent failure or retry horizon passed; waits for a person to replay it. */
  DEAD,
  /**
   * Parked by the {@link DisclosureGate} (e.g. no consent yet): not sent, not retried on the
   * backoff schedule, not dead; re-checked every {@code held-recheck} and released at once by
   * {@link OutboxStore#releaseHeld}. Later versions of the same resource wait behind it.
   */
  HELD
}
