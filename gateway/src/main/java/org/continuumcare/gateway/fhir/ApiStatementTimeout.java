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
 * Gives every database transaction begun for a FHIR API request ({@link FhirRequestScope}) the API's
 * statement timeout, on the transaction's own connection, before its first statement:
 *
 * <ul>
 *   <li>PostgreSQL: {@code SET LOCAL statement_timeout}, which the server enforces on every statement
 *       of the transaction (lock waits included) and forgets at commit or rollback;
 *   <li>H2: {@code SET QUERY_TIMEOUT}, a setting of the session, put back to 0 (none) when the
 *       transaction ends so the pooled connection carries nothing over to background work.
 * </ul>
 *
 * It also tells the request's scope which connection the transaction holds until it completes, so
 * the statements of a client that disconnected can be cancelled ({@link AbandonedRequestWatch}).
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
    Connection connection = TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
        ? holder.getConnection()
        : null;
    if (connection == null) {
      log.warn("No JDBC connection bound to a FHIR API transaction: it is rolled back rather than run without a timeout");
    }
    if (connection == null || !execute(connection, setTimeout)) {
      transaction.setRollbackOnly();
      return;
    }
    scope.enlist(connection);
    // afterCompletion runs on every way a transaction ends, before its connection returns to the pool.
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        scope.release(connection);
        if (platform == DatabasePlatform.H2) {
          execute(connection, "SET QUERY_TIMEOUT 0");
        }
      }
    });
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
      log.warn("Could not run '{}' on the connection of a FHIR API transaction: {}", sql, e.getMessage());
      return false;
    }
  }
}
