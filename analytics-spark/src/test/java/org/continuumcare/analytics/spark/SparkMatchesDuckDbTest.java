package org.continuumcare.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet a view export writes is the interface to a distributed engine: Spark SQL (local mode)
 * over the same file gives the same rows as DuckDB, the gateway's embedded engine. The file is
 * written the way {@code $viewdefinition-export} writes it (a DuckDB table with the view's column
 * types, {@code COPY ... (FORMAT parquet)}), from rows of the shipped view recovery_capital_scores
 * (src/test/resources/export).
 */
class SparkMatchesDuckDbTest {

  private static final String COLUMNS =
      "id VARCHAR, person VARCHAR, instrument VARCHAR, date VARCHAR,"
          + " score_type VARCHAR, is_total BOOLEAN, domain VARCHAR, dimension VARCHAR, score INTEGER,"
          + " threshold_met BOOLEAN, assessment VARCHAR, status VARCHAR";

  /** Typical analyst questions: latest total per person and instrument, and domain strengths. */
  private static final List<String> QUERIES =
      List.of(
          "SELECT person, instrument, count(*) AS assessments, max(score) AS best, min(date) AS first_date"
              + " FROM recovery_capital_scores WHERE is_total GROUP BY person, instrument ORDER BY person, instrument",
          "SELECT domain, avg(score) AS mean_strength FROM recovery_capital_scores WHERE domain IS NOT NULL"
              + " GROUP BY domain ORDER BY domain",
          "SELECT person, sum(CASE WHEN threshold_met THEN 1 ELSE 0 END) AS met FROM recovery_capital_scores"
              + " GROUP BY person ORDER BY person");

  @TempDir static Path folder;
  private static Path parquet;
  private static SparkSession spark;

  @BeforeAll
  static void exportAndStartSpark() throws Exception {
    Path rows =
        Path.of(
            SparkMatchesDuckDbTest.class
                .getResource("/export/recovery_capital_scores.ndjson")
                .toURI());
    parquet = folder.resolve("recovery_capital_scores.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE TABLE recovery_capital_scores (" + COLUMNS + ")");
      statement.execute(
          "INSERT INTO recovery_capital_scores SELECT * FROM read_json('"
              + rows
              + "', format = 'newline_delimited', columns = {"
              + COLUMNS.replaceAll("(\\w+) (\\w+)", "'$1': '$2'")
              + "})");
      statement.execute("COPY recovery_capital_scores TO '" + parquet + "' (FORMAT parquet)");
    }
    spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("continuum-views")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    spark.read().parquet(parquet.toString()).createOrReplaceTempView("recovery_capital_scores");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void sparkSqlOverTheExportedParquetGivesTheSameRowsAsDuckDb() throws Exception {
    assertThat(Files.size(parquet)).isPositive();
    for (String query : QUERIES) {
      List<String> embedded = new ArrayList<>();
      try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = duckdb.createStatement()) {
        statement.execute(
            "CREATE VIEW recovery_capital_scores AS SELECT * FROM read_parquet('" + parquet + "')");
        try (ResultSet result = statement.executeQuery(query)) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
              row.add(normal(result.getObject(i)));
            }
            embedded.add(String.join("|", row));
          }
        }
      }
      List<String> distributed = new ArrayList<>();
      for (Row row : spark.sql(query).collectAsList()) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          values.add(normal(row.get(i)));
        }
        distributed.add(String.join("|", values));
      }

      assertThat(distributed).as(query).isNotEmpty().containsExactlyElementsOf(embedded);
    }
  }

  /**
   * Numbers by value (DuckDB and Spark choose different integer widths), everything else as text.
   */
  private static String normal(Object value) {
    if (value instanceof Number number) {
      return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
