package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StatementCancellationTest {

  @Test
  void sqlState57014AnywhereInTheCausesIsATimeout() {
    SQLException cancelled = new SQLException("ERROR: canceling statement", "57014");
    RuntimeException wrapped =
        new InternalErrorException("HAPI-1262: failed", new IllegalStateException(cancelled));

    assertThat(StatementCancellation.isTimeout(wrapped)).isTrue();
  }

  @Test
  void hapisRethrownFailedSearchIsRecognisedByTheDatabasesMessage() {
    // HAPI stores a failed search's message and throws a new exception without the cause.
    BaseServerResponseException postgres =
        BaseServerResponseException.newInstance(
            500, "ERROR: canceling statement due to statement timeout\n  Where: SQL function");
    BaseServerResponseException h2 =
        BaseServerResponseException.newInstance(
            500,
            "Statement was canceled or the session timed out; SQL statement: SELECT 1 [57014-232]");

    assertThat(StatementCancellation.isTimeout(postgres)).isTrue();
    assertThat(StatementCancellation.isTimeout(h2)).isTrue();
  }

  @Test
  void otherDatabaseFailuresAreNot() {
    assertThat(StatementCancellation.isTimeout(new SQLException("duplicate key", "23505")))
        .isFalse();
    assertThat(
            StatementCancellation.isTimeout(
                new InternalErrorException("HAPI-1163: Request timed out after 60000ms")))
        .isFalse();
    assertThat(StatementCancellation.isTimeout(new IllegalStateException((String) null))).isFalse();
  }

  @Test
  void hibernatesLogLinesOfACancelledStatementAreRecognised() {
    assertThat(StatementCancellation.describesTimeout("SQL Error: 0, SQLState: 57014")).isTrue();
    assertThat(
            StatementCancellation.describesTimeout(
                "ERROR: canceling statement due to statement timeout"))
        .isTrue();
    assertThat(StatementCancellation.describesTimeout("SQL Error: 0, SQLState: 23505")).isFalse();
    assertThat(StatementCancellation.describesTimeout(null)).isFalse();
  }
}
