package org.continuumcare.gateway.views;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.continuumcare.gateway.views.engine.ViewColumn;

/**
 * Parquet output of {@code $run} through DuckDB: rows go into a table of a DuckDB database file in
 * a private temporary folder (DuckDB keeps at most {@code memory_limit} in memory and spills the
 * rest), and at the end DuckDB writes the table as Parquet, which is copied to the stream. The
 * folder is deleted afterwards.
 */
final class ParquetRowWriter implements RowWriter {

  private final OutputStream out;
  private final Path folder;
  private Connection connection;
  private DuckDbTable table;

  ParquetRowWriter(OutputStream out, Path tempRoot) throws IOException {
    this.out = out;
    Files.createDirectories(tempRoot);
    this.folder = Files.createTempDirectory(tempRoot, "view-run-");
  }

  static Connection open(Path database) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit='128MB'");
      statement.execute(
          "SET temp_directory='" + sql(database.resolveSibling("spill").toString()) + "'");
    }
    return connection;
  }

  /** {@code text} inside a SQL string literal. */
  static String sql(String text) {
    return text.replace("'", "''");
  }

  @Override
  public void start(List<ViewColumn> columns) throws IOException {
    try {
      connection = open(folder.resolve("rows.duckdb"));
    } catch (SQLException e) {
      throw new IOException("DuckDB could not start the Parquet output: " + e.getMessage(), e);
    }
    table = new DuckDbTable(connection, "rows");
    table.start(columns);
  }

  @Override
  public void row(Object[] values) throws IOException {
    table.row(values);
  }

  @Override
  public void close() throws IOException {
    try {
      if (table != null) {
        table.close();
        Path parquet = folder.resolve("rows.parquet");
        try (Statement statement = connection.createStatement()) {
          statement.execute("COPY rows TO '" + sql(parquet.toString()) + "' (FORMAT parquet)");
        }
        connection.close();
        connection = null;
        Files.copy(parquet, out);
        out.flush();
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet: " + e.getMessage(), e);
    } finally {
      discard();
    }
  }

  private void discard() throws IOException {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // the folder goes anyway
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
