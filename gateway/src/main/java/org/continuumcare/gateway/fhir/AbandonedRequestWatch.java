package org.continuumcare.gateway.fhir;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.continuumcare.gateway.fhir.FhirRequestScope.ClientConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels the database work of a FHIR request whose client has disconnected. Tomcat keeps running a
 * request whose client closed the connection until the request writes its answer, and a search's
 * SQL can run long before that; so once a second this looks up the client connections of the
 * requests running longer than that in the kernel's TCP table ({@link ClosedByClient}), and for
 * each one the client closed, cancels the statement running on the request's database connections
 * (PostgreSQL cancel request), again at every tick until the request ends.
 *
 * <p>Where the kernel's table cannot be read (not Linux) or a client drops off without closing its
 * connection (a cut network), the request's statements still end at the statement timeout.
 */
final class AbandonedRequestWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AbandonedRequestWatch.class);

  private final ClosedByClient closedByClient;
  private final long intervalNanos;
  private final Set<FhirRequestScope> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ticks;

  AbandonedRequestWatch(ClosedByClient closedByClient, Duration interval) {
    this.closedByClient = closedByClient;
    this.intervalNanos = interval.toNanos();
    if (closedByClient.isAvailable()) {
      ticks =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "fhir-abandoned-request-watch");
                thread.setDaemon(true);
                return thread;
              });
      ticks.scheduleWithFixedDelay(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    } else {
      ticks = null;
      log.info(
          "No kernel TCP table here: FHIR requests of disconnected clients run until their statement timeout");
    }
  }

  void started(FhirRequestScope scope) {
    if (ticks != null && scope.client() != null) {
      running.add(scope);
    }
  }

  void ended(FhirRequestScope scope) {
    running.remove(scope);
  }

  void tick() {
    try {
      long now = System.nanoTime();
      if (running.stream().noneMatch(scope -> now - scope.startedNanos() >= intervalNanos)) {
        return;
      }
      Set<ClientConnection> closed = closedByClient.now();
      for (FhirRequestScope scope : running) {
        if (now - scope.startedNanos() >= intervalNanos && closed.contains(scope.client())) {
          boolean first = !scope.isAbandoned();
          int cancelled = scope.abandon();
          if (first) {
            log.info(
                "Client of {} disconnected after {} ms: cancelled the statements on {} database connection(s)",
                scope.description(),
                TimeUnit.NANOSECONDS.toMillis(now - scope.startedNanos()),
                cancelled);
          }
        }
      }
    } catch (RuntimeException e) {
      log.warn("Could not check for disconnected FHIR clients: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (ticks != null) {
      ticks.shutdownNow();
    }
  }
}
