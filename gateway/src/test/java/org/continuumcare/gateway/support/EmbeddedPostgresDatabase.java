package org.continuumcare.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server for the whole integration-test JVM (zonky embedded binaries: no
 * install, no Docker). Started on first use, stopped by the JVM shutdown hook.
 */
public final class EmbeddedPostgresDatabase {

  private static volatile EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  public static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting; the temporary data directory is removed with it
    }
  }
}
