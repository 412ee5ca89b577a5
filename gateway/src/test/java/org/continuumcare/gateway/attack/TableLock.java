package org.continuumcare.gateway.attack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.continuumcare.gateway.support.EmbeddedPostgresDatabase;

/**
 * An exclusive lock on one table of the suite's PostgreSQL, held by a connection of its own until
 * closed: every statement that reads the table waits meanwhile, which makes it run as long as the
 * test wants without any data volume.
 */
final class TableLock implements AutoCloseable {

  private final Connection connection;
  private final String table;

  private TableLock(Connection connection, String table) {
    this.connection = connection;
    this.table = table;
  }

  static TableLock on(String table) throws SQLException {
    Connection connection =
        DriverManager.getConnection(EmbeddedPostgresDatabase.jdbcUrl(), "postgres", "postgres");
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
    }
    return new TableLock(connection, table);
  }

  /** How many other backends wait for this lock right now. */
  int waitingBackends() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '"
                    + table
                    + "'::regclass")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
