package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write again when it lost a race (HAPI 409 {@link ResourceVersionConflictException}: a
 * concurrent writer took the same conditional match URL or the same resource version). Each attempt
 * is a new database transaction, so a retry sees what the winner committed: its conditional creates
 * match and its updates apply on top. Only for idempotent writes (the handoff transaction is keyed
 * on the handoff, so running it twice stores it once). Other failures are not retried.
 */
final class ConflictRetry {

  /** Pauses the calling thread for a number of milliseconds. */
  @FunctionalInterface
  interface Pause {
    void millis(long millis) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

  private final int maxAttempts;
  private final Duration pauseUnit;
  private final LongUnaryOperator jitter;
  private final Pause pause;

  /**
   * @param maxAttempts attempts in all (at least 1)
   * @param pauseUnit pause before attempt n+1 is n units plus jitter
   * @param jitter extra milliseconds given the base pause (spreads the losers of one race)
   * @param pause how to wait
   */
  ConflictRetry(int maxAttempts, Duration pauseUnit, LongUnaryOperator jitter, Pause pause) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.pauseUnit = Objects.requireNonNull(pauseUnit, "pauseUnit");
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  <T> T run(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (ResourceVersionConflictException conflict) {
        if (attempt >= maxAttempts) {
          throw conflict;
        }
        long base = pauseUnit.toMillis() * attempt;
        log.info(
            "Transaction lost a concurrent write race (attempt {} of {}), retrying",
            attempt,
            maxAttempts);
        try {
          pause.millis(base + jitter.applyAsLong(base));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw conflict;
        }
      }
    }
  }
}
