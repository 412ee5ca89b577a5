package org.continuumcare.routes.relay;

/** Lifecycle of one outbox row. */
public enum OutboxState {
  /** Waiting for its next attempt (or its first). */
  PENDING,
  /** Claimed by a consumer holding a lease. */
  IN_FLIGHT,
  /** The partner accepted it. */
  DELIVERED,
  /** Given up: permanent failure or attempts exhausted; waits for a person to replay it. */
  DEAD
}
