package org.continuumcare.gateway.fhir;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.continuumcare.gateway.persistence.DatabasePlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives every database transaction begun for a FHIR API request ({@link FhirRequestScope}) the
 * API's statement timeout, on the transaction's own connection, before its first statement:
 *
 * <ul>
 *   <li>PostgreSQL: {@code SET LOCAL statement_timeout}, which the server enforces on every
 *       statement of the transaction (lock waits included) and forgets at commit or rollback;
 *   <li>H2: {@code SET QUERY_TIMEOUT}, a setting of the session, put back to 0 (none) when the
 *       transaction ends so the pooled connection carries nothing over to background work.
 * </ul>
 *
 * It also tells the request's scope which connection the transaction holds until it completes, so
 * the statements of a client that disconnected can be cancelled ({@link AbandonedRequestWatch}).
 * The timeout covers the transaction's statements up to its commit or rollback; work done after the
 * commit (afterCommit callbacks) is the gateway's own and has none.
 *
 * <p>Transactions begun outside a scope (relay, audit, migrations, package install, batch jobs) are
 * not touched; a transaction that joins an existing one keeps that one's setting. If the timeout
 * cannot be set, the transaction is marked rollback-only rather than left to run unbounded.
 */
final class ApiStatementTimeout implements TransactionExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ApiStatementTimeout.class);

  private final DataSource dataSource;
  private final DatabasePlatform platform;
  private final String setTimeout;

  ApiStatementTimeout(DataSource dataSource, DatabasePlatform platform, Duration timeout) {
    this.dataSource = dataSource;
    this.platform = platform;
    this.setTimeout = setTimeout(platform, timeout);
  }

  @Override
  public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
    FhirRequestScope scope = FhirRequestScope.current();
    if (beginFailure != null || !transaction.isNewTransaction() || scope == null) {
      return;
    }
    Connection connection = connectionOfThisTransaction();
    if (connection == null || !execute(connection, setTimeout)) {
      log.warn(
          "Could not give a FHIR API transaction its statement timeout: it is rolled back rather than run without one");
      transaction.setRollbackOnly();
      return;
    }
    scope.enlist(connection);
    // beforeCompletion runs on every way a transaction ends, before its commit or rollback: after
    // it Hibernate may hand the connection back to the pool, so it must no longer be the request's.
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCompletion() {
            scope.release(connection);
            if (platform == DatabasePlatform.H2) {
              execute(connection, "SET QUERY_TIMEOUT 0");
            }
          }
        });
  }

  /**
   * The JDBC connection the transaction holds now, taken from the connection handle rather than
   * {@link ConnectionHolder#getConnection()}, which would keep it in the holder: Hibernate releases
   * the connection at commit, and code running after the commit (an afterCommit callback using a
   * JdbcTemplate) must get a fresh one from Hibernate, not this one, by then back in the pool.
   */
  private Connection connectionOfThisTransaction() {
    if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
        && holder.getConnectionHandle() != null) {
      return holder.getConnectionHandle().getConnection();
    }
    return null;
  }

  static String setTimeout(DatabasePlatform platform, Duration timeout) {
    long millis = Math.min(Math.max(1, timeout.toMillis()), Integer.MAX_VALUE);
    return switch (platform) {
      case POSTGRESQL -> "SET LOCAL statement_timeout = " + millis;
      case H2 -> "SET QUERY_TIMEOUT " + millis;
    };
  }

  private static boolean execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return true;
    } catch (SQLException e) {
      log.warn(
          "Could not run '{}' on the connection of a FHIR API transaction: {}",
          sql,
          e.getMessage());
      return false;
    }
  }
}
