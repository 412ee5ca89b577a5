package org.continuumcare.gateway.views;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.continuumcare.gateway.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/analytics/sql}: read-only SQL (DuckDB dialect) for analysts and administrators
 * over the views of their own newest completed {@code $viewdefinition-export} (each view is a table
 * named after it). The export's database is opened read-only with access to files and the network
 * switched off and the configuration locked, so SQL can neither write nor reach anything else; only
 * one statement that reads ({@code SELECT}, {@code WITH}, {@code FROM}, {@code DESCRIBE}, {@code
 * SHOW}, {@code SUMMARIZE}, {@code EXPLAIN}) is accepted. At most {@code limit} rows are returned
 * ({@code truncated} says whether there were more), and a statement still running after {@code
 * continuum.analytics.sql-timeout} is interrupted. Every refusal is a 400 problem document with the
 * reason.
 */
@RestController
class AnalyticsSqlController {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsSqlController.class);
  private static final Pattern READS =
      Pattern.compile(
          "^\\s*(select|with|from|describe|show|summarize|explain|values)\\b.*", Pattern.DOTALL);
  static final int MAX_ROWS = 10_000;

  private final ViewExports exports;
  private final AnalyticsProperties properties;
  private final ScheduledExecutorService timer;

  AnalyticsSqlController(
      ViewExports exports,
      AnalyticsProperties properties,
      ScheduledExecutorService analyticsTimer) {
    this.exports = exports;
    this.properties = properties;
    this.timer = analyticsTimer;
  }

  /** A query: the SQL and at most how many rows to return (default 1,000, at most 10,000). */
  record Query(String sql, Integer limit) {}

  /** The answer: column names, rows, whether rows were left out, and the export queried. */
  record Result(List<String> columns, List<List<Object>> rows, boolean truncated, String export) {}

  @PostMapping(
      path = "/api/analytics/sql",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> run(@RequestBody Query query) {
    Caller caller = Caller.current().orElse(null);
    if (caller == null || !(caller.isAdmin() || caller.access() == Caller.Access.ANALYST)) {
      return problem(HttpStatus.FORBIDDEN, "Only analysts and administrators run analytics SQL");
    }
    if (query == null || query.sql() == null || query.sql().isBlank()) {
      return problem(HttpStatus.BAD_REQUEST, "sql is required");
    }
    String sql = query.sql().strip();
    if (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1);
    }
    if (!READS.matcher(sql.toLowerCase(Locale.ROOT)).matches()) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "Only read-only queries are run (SELECT, WITH, FROM, DESCRIBE, SHOW,"
              + " SUMMARIZE, EXPLAIN): the views are read-only");
    }
    int limit = query.limit() == null ? 1_000 : query.limit();
    if (limit < 1 || limit > MAX_ROWS) {
      return problem(HttpStatus.BAD_REQUEST, "limit is between 1 and " + MAX_ROWS);
    }
    ViewExport export = exports.latestCompleted(caller).orElse(null);
    if (export == null) {
      return problem(
          HttpStatus.NOT_FOUND,
          "No completed view export of this client: run"
              + " ViewDefinition/$viewdefinition-export first; SQL runs over its views");
    }
    Duration timeout = properties.sqlTimeout();
    AtomicBoolean timedOut = new AtomicBoolean();
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection connection =
        DriverManager.getConnection("jdbc:duckdb:" + export.database(), readOnly)) {
      try (Statement settings = connection.createStatement()) {
        settings.execute("SET enable_external_access = false");
        settings.execute("SET memory_limit = '256MB'");
        settings.execute("SET lock_configuration = true");
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        ScheduledFuture<?> cancel =
            timer.schedule(
                () -> {
                  timedOut.set(true);
                  try {
                    statement.cancel();
                  } catch (SQLException ignored) {
                    // the statement ended meanwhile
                  }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try (ResultSet rows = statement.executeQuery()) {
          ResultSetMetaData meta = rows.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
          }
          List<List<Object>> values = new ArrayList<>();
          boolean truncated = false;
          while (rows.next()) {
            if (values.size() == limit) {
              truncated = true;
              break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
              row.add(plain(rows.getObject(i)));
            }
            values.add(row);
          }
          log.info(
              "Analytics SQL for {}: {} rows{}",
              caller.clientId(),
              values.size(),
              truncated ? " (truncated)" : "");
          return ResponseEntity.ok(new Result(columns, values, truncated, export.id));
        } finally {
          cancel.cancel(false);
        }
      }
    } catch (SQLException e) {
      if (timedOut.get()) {
        return problem(
            HttpStatus.BAD_REQUEST,
            "The query ran past its limit of " + timeout.toSeconds() + " s and was stopped");
      }
      return problem(HttpStatus.BAD_REQUEST, "The query was refused: " + firstLine(e.getMessage()));
    }
  }

  private static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof BigDecimal) {
      return value;
    }
    return value instanceof Number number ? number : value.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    log.info("Analytics SQL refused: {} {}", status.value(), detail);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
