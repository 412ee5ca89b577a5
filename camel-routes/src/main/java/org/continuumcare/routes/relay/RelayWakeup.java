package org.continuumcare.routes.relay;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * In-process signal from a committed outbox write (or a replay/release) to this instance's poller,
 * so a new row is claimed at once instead of after the poll interval. Other instances still find it
 * by polling. Signals coalesce: many commits during one wait wake it once.
 */
public final class RelayWakeup {

  private final Semaphore signal = new Semaphore(0);

  /** Wakes the poller (or makes its next wait return at once). */
  public void signal() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  /** Waits up to {@code timeout} for a signal; true if one came. */
  public boolean await(Duration timeout) {
    try {
      boolean signalled = signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
      signal.drainPermits();
      return signalled;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
