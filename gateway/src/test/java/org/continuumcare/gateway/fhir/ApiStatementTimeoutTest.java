package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.continuumcare.gateway.persistence.DatabasePlatform;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statement timeout on H2 (the zero-setup database); PostgreSQL is proven by
 * BoundedWorkSecurityIT.
 */
class ApiStatementTimeoutTest {

  /** Ten billion rows: far beyond any timeout below, however fast the machine. */
  private static final String ENDLESS =
      "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) A, SYSTEM_RANGE(1, 100) B";

  private static final String QUERY_TIMEOUT =
      "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'";

  private SingleConnectionDataSource dataSource;
  private TransactionTemplate transactions;
  private JdbcTemplate jdbc;

  @BeforeEach
  void oneH2Connection() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:timeout-" + UUID.randomUUID());
    // One connection, like a pooled one that serves an API request and then background work.
    dataSource = new SingleConnectionDataSource(h2.getConnection(), true);
    DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
    manager.addListener(
        new ApiStatementTimeout(dataSource, DatabasePlatform.H2, Duration.ofMillis(200)));
    transactions = new TransactionTemplate(manager);
    jdbc = new JdbcTemplate(dataSource);
  }

  @AfterEach
  void close() {
    dataSource.destroy();
  }

  @Test
  void aStatementOfAFhirRequestRunningOverTheTimeoutIsCancelled() {
    Throwable failure;
    try (FhirRequestScope ignored = FhirRequestScope.enter()) {
      failure =
          catchThrowable(
              () -> transactions.execute(status -> jdbc.queryForObject(ENDLESS, Long.class)));
    }

    assertThat(failure).isNotNull();
    assertThat(StatementCancellation.isTimeout(failure)).isTrue();
  }

  @Test
  void theTimeoutHoldsInsideTheRequestsTransactionAndIsGoneAfterIt() {
    String during;
    try (FhirRequestScope ignored = FhirRequestScope.enter()) {
      during = transactions.execute(status -> jdbc.queryForObject(QUERY_TIMEOUT, String.class));
    }
    String afterwards =
        transactions.execute(status -> jdbc.queryForObject(QUERY_TIMEOUT, String.class));

    assertThat(during).isEqualTo("200");
    assertThat(afterwards).as("the same connection, now serving background work").isEqualTo("0");
  }

  @Test
  void transactionsWithoutARequestGetNoTimeout() {
    String setting =
        transactions.execute(status -> jdbc.queryForObject(QUERY_TIMEOUT, String.class));

    assertThat(setting).isEqualTo("0");
  }

  @Test
  void theTimeoutIsResetAfterARolledBackTransactionToo() {
    try (FhirRequestScope ignored = FhirRequestScope.enter()) {
      transactions.execute(
          status -> {
            status.setRollbackOnly();
            return null;
          });
    }

    assertThat(jdbc.queryForObject(QUERY_TIMEOUT, String.class)).isEqualTo("0");
  }

  @Test
  void postgresqlGetsATransactionLocalStatementTimeoutInMilliseconds() {
    assertThat(ApiStatementTimeout.setTimeout(DatabasePlatform.POSTGRESQL, Duration.ofSeconds(30)))
        .isEqualTo("SET LOCAL statement_timeout = 30000");
    assertThat(ApiStatementTimeout.setTimeout(DatabasePlatform.H2, Duration.ofMillis(1500)))
        .isEqualTo("SET QUERY_TIMEOUT 1500");
  }
}
