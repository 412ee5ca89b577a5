package org.continuumcare.gateway.views;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.continuumcare.gateway.views.engine.ViewColumn;

/**
 * Writes a view's rows into a new table of a DuckDB database, in batches. Column types follow the
 * view's declared types ({@link #sqlType}); a collection column holds its values as JSON text.
 * Closing commits; the connection stays open for the caller.
 */
final class DuckDbTable implements RowWriter {

  private static final int BATCH = 1_000;

  private final Connection connection;
  private final String table;
  private PreparedStatement insert;
  private List<ViewColumn> columns;
  private int pending;

  DuckDbTable(Connection connection, String table) {
    this.connection = connection;
    this.table = table;
  }

  /** The DuckDB type of a column of FHIR type {@code type}. */
  static String sqlType(ViewColumn column) {
    if (column.collection() || column.type() == null) {
      return "VARCHAR";
    }
    return switch (column.type()) {
      case "boolean" -> "BOOLEAN";
      case "integer", "positiveInt", "unsignedInt" -> "INTEGER";
      case "integer64" -> "BIGINT";
      case "decimal" -> "DOUBLE";
      default -> "VARCHAR"; // dates keep FHIR's partial precision as text
    };
  }

  static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  @Override
  public void start(List<ViewColumn> columns) throws IOException {
    this.columns = columns;
    StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quoted(table)).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(i > 0 ? ", " : "")
          .append(quoted(columns.get(i).name()))
          .append(' ')
          .append(sqlType(columns.get(i)));
      marks.append(i > 0 ? ", ?" : "?");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl.append(')').toString());
      connection.setAutoCommit(false);
      insert =
          connection.prepareStatement("INSERT INTO " + quoted(table) + " VALUES (" + marks + ")");
    } catch (SQLException e) {
      throw new IOException("DuckDB could not create table " + table + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void row(Object[] values) throws IOException {
    try {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, value(columns.get(i), values[i]));
      }
      insert.addBatch();
      if (++pending == BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB refused a row: " + e.getMessage(), e);
    }
  }

  private static Object value(ViewColumn column, Object value) throws IOException {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?>) {
      return RowWriter.JSON.writeValueAsString(value);
    }
    return switch (sqlType(column)) {
      case "BOOLEAN" -> value instanceof Boolean ? value : Boolean.valueOf(value.toString());
      case "DOUBLE" ->
          value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString());
      case "INTEGER", "BIGINT" ->
          value instanceof Number n ? n.longValue() : Long.valueOf(value.toString());
      default -> value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    };
  }

  @Override
  public void close() throws IOException {
    try {
      if (insert != null) {
        if (pending > 0) {
          insert.executeBatch();
        }
        insert.close();
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB could not finish table " + table + ": " + e.getMessage(), e);
    }
  }
}
