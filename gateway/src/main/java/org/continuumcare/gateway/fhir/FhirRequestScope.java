package org.continuumcare.gateway.fhir;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Marks the thread serving a request of the FHIR REST API ({@code /fhir}) for as long as it does,
 * so that what is meant for API requests only (the statement timeout of their database
 * transactions, cancellation when their client disconnects, quieter logging of their expected
 * refusals) never touches the work the gateway does of its own accord (relay deliveries, audit,
 * migrations, package install, reindex jobs), which runs on threads that never enter a scope.
 *
 * <p>A scope also knows the client's TCP connection and the database connections of the request's
 * open transactions, so {@link AbandonedRequestWatch} can cancel what runs for a client that left.
 */
final class FhirRequestScope implements AutoCloseable {

  private static final ThreadLocal<FhirRequestScope> CURRENT = new ThreadLocal<>();

  private final ClientConnection client;
  private final long startedNanos;
  private final String description;
  private final FhirRequestScope previous;
  private final List<Connection> databaseConnections = new ArrayList<>();
  private boolean abandoned;

  private FhirRequestScope(
      ClientConnection client, long startedNanos, String description, FhirRequestScope previous) {
    this.client = client;
    this.startedNanos = startedNanos;
    this.description = description;
    this.previous = previous;
  }

  /** Enters a scope on this thread; close it (try-with-resources) when the request is answered. */
  static FhirRequestScope enter() {
    return enter(null, System.nanoTime(), "a FHIR request");
  }

  /**
   * @param client the client's TCP connection, null if unknown
   * @param description method and path, never the query string (it can hold identifiers)
   */
  static FhirRequestScope enter(ClientConnection client, long startedNanos, String description) {
    FhirRequestScope scope = new FhirRequestScope(client, startedNanos, description, CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  static boolean isActive() {
    return CURRENT.get() != null;
  }

  static FhirRequestScope current() {
    return CURRENT.get();
  }

  ClientConnection client() {
    return client;
  }

  long startedNanos() {
    return startedNanos;
  }

  String description() {
    return description;
  }

  /** A database transaction of this request began on {@code connection}. */
  synchronized void enlist(Connection connection) {
    databaseConnections.add(connection);
  }

  /**
   * That transaction ended; {@code connection} goes back to the pool and is no longer this
   * request's.
   */
  synchronized void release(Connection connection) {
    databaseConnections.remove(connection);
  }

  synchronized boolean isAbandoned() {
    return abandoned;
  }

  /**
   * The client has gone: cancels whatever statement runs on this request's database connections now
   * (PostgreSQL; H2 has no cancel from another thread and keeps its timeout). Under the same lock
   * as {@link #release}, so a connection already handed back to the pool is never touched.
   *
   * @return how many connections were asked to cancel
   */
  synchronized int abandon() {
    abandoned = true;
    int cancelled = 0;
    for (Connection connection : databaseConnections) {
      try {
        if (connection.isWrapperFor(PGConnection.class)) {
          connection.unwrap(PGConnection.class).cancelQuery();
          cancelled++;
        }
      } catch (SQLException e) {
        // The connection broke or closed meanwhile: nothing runs on it any more.
      }
    }
    return cancelled;
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /**
   * The TCP connection a request came in on, by its two ports: the client's address is left out
   * because behind a proxy with forwarded headers the servlet reports the original client's
   * address, not the proxy's that the kernel knows. Two clients on other hosts using the same port
   * towards the gateway at once while one of them has just closed its connection is what it would
   * take to mistake one for the other.
   */
  record ClientConnection(int remotePort, int localPort) {}
}
