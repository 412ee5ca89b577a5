package org.continuumcare.routes.relay;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with a partner, answer and body included, bounded in time, sent on the calling
 * (delivery) thread.
 *
 * <p>Why not {@code HttpClient.sendAsync(...).get(timeout)}: the JDK client completes the future it
 * returns from {@code sendAsync} in {@code CompletableFuture}'s default executor, which on a
 * machine with two cores or fewer (common pool parallelism 1) is a <em>new thread per task</em>:
 * one thread started per delivery (the most frequent running frame in thread dumps at 200
 * deliveries/s on 2 cores; sending synchronously raised the relay's throughput by about 17 %).
 * {@code send} has no such stage. The request's own timeout covers only the response headers, so a
 * watchdog interrupts the sender when the whole answer is late; the JDK client cancels the exchange
 * on interrupt.
 */
public final class BoundedExchange {

  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  private final HttpClient http;
  private final Duration limit;

  /** Answers (headers and body) later than {@code limit} fail with {@link HttpTimeoutException}. */
  public BoundedExchange(HttpClient http, Duration limit) {
    this.http = http;
    this.limit = limit;
  }

  /**
   * Sends the request and reads the whole answer, or throws {@link HttpTimeoutException} when it
   * takes longer than the limit (an I/O failure as the client reports it).
   *
   * @throws InterruptedException when the calling thread was interrupted by someone else
   */
  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    Deadline deadline = new Deadline(Thread.currentThread());
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(deadline::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException | IOException e) {
      if (deadline.finish()) {
        throw timeout(e);
      }
      throw e;
    } finally {
      alarm.cancel(false);
      if (deadline.finish()) {
        // the alarm fired after the answer was complete: drop its interrupt, keep the answer
        Thread.interrupted();
      }
    }
  }

  private HttpTimeoutException timeout(Exception cause) {
    HttpTimeoutException timeout = new HttpTimeoutException("no complete answer within " + limit);
    timeout.initCause(cause);
    return timeout;
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "relay-answer-deadline");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Whether the alarm went off; the interrupt is delivered under the same lock it is read. */
  private static final class Deadline {

    private final Thread sender;
    private boolean done;
    private boolean expired;

    Deadline(Thread sender) {
      this.sender = sender;
    }

    synchronized void expire() {
      if (!done) {
        expired = true;
        done = true;
        sender.interrupt();
      }
    }

    /** Ends the exchange; true when the alarm had already gone off (its interrupt was sent). */
    synchronized boolean finish() {
      done = true;
      return expired;
    }
  }
}
