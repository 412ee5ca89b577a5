package org.continuumcare.routes.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long an idle poller of a database-backed queue waits before it looks again: {@code first}
 * after the first empty poll, then twice as long after each further one, up to {@code cap}; back to
 * {@code first} as soon as a poll finds work. A {@link #signal()} (a commit on this instance that
 * queued work) ends the wait at once; work queued by other instances is found within {@code cap}.
 *
 * <p>Used from inside a Camel {@code scheduler:} route (one scheduler thread per poller, {@code
 * synchronous=true}): the wait blocks that thread only, and Camel interrupts it when the route
 * stops. Several pollers of one queue may share one instance; a signal wakes one of them.
 */
public final class IdleBackoff {

  private final long firstMillis;
  private final long capMillis;
  private final AtomicLong nextMillis;
  private final Semaphore signal = new Semaphore(0);

  public IdleBackoff(Duration first, Duration cap) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(cap, "cap");
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "idle back-off needs 0 < first <= cap: " + first + ", " + cap);
    }
    this.firstMillis = first.toMillis();
    this.capMillis = cap.toMillis();
    this.nextMillis = new AtomicLong(firstMillis);
  }

  /** Work was queued on this instance: the waiting poller looks at once. */
  public void signal() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  /**
   * Records the outcome of a poll: if it found work the back-off starts over, else this waits
   * ({@link #idle()}). Returns {@code foundWork}, for Camel's {@code greedy} polling.
   */
  public boolean after(boolean foundWork) {
    if (foundWork) {
      worked();
    } else {
      idle();
    }
    return foundWork;
  }

  /** A poll found work: the next idle wait is the shortest again. */
  public void worked() {
    nextMillis.set(firstMillis);
  }

  /**
   * A poll found nothing: waits the current back-off, or less if signalled (then the back-off
   * starts over); true if signalled.
   */
  public boolean idle() {
    Duration wait = nextWait();
    try {
      boolean signalled = signal.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
      signal.drainPermits();
      if (signalled) {
        worked();
      }
      return signalled;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The wait for this empty poll; doubles the next one, up to the cap. */
  Duration nextWait() {
    long wait = nextMillis.getAndUpdate(current -> Math.min(capMillis, current * 2));
    return Duration.ofMillis(wait);
  }
}
