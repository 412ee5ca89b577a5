package org.continuumcare.gateway.fhir;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Recognises a database statement cancelled by its statement timeout (or by the gateway because its
 * client disconnected), however HAPI or Hibernate wrapped it. SQLSTATE 57014 is definitive; HAPI's
 * persisted searches keep only the message of the failure (the search is stored as failed and
 * re-thrown as a new exception), so the database's own wording is recognised too: PostgreSQL's (in
 * its default English message locale) and H2's.
 */
final class StatementCancellation {

  static final String QUERY_CANCELED = "57014";

  private static final Pattern MESSAGE =
      Pattern.compile(
          "canceling statement due to statement timeout"
              + "|canceling statement due to user request"
              + "|Statement was canceled or the session timed out"
              + "|SQLState: "
              + QUERY_CANCELED,
          Pattern.CASE_INSENSITIVE);

  private StatementCancellation() {}

  /** Whether {@code failure}, or anything it wraps, is a statement cancelled by its timeout. */
  static boolean isTimeout(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure;
        cause != null && depth < 20;
        cause = cause.getCause(), depth++) {
      if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
        return true;
      }
      if (describesTimeout(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a message (of an exception or a log line) reports a statement cancelled by its timeout.
   */
  static boolean describesTimeout(String message) {
    return message != null && MESSAGE.matcher(message).find();
  }
}
