package org.continuumcare.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for the whole integration-test JVM (zonky embedded binaries: no
 * install, no Docker). Started on first use; stopped by {@link ShutdownInOrder} once the Spring
 * context that uses it is closed (zonky's own JVM shutdown hook remains the fallback).
 */
public final class EmbeddedPostgresDatabase {

  private static volatile EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  public static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** Stops the server, if it was started; call it only after everything using it has stopped. */
  static synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
    } finally {
      server = null;
    }
  }
}
