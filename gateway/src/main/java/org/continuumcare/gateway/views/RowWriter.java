package org.continuumcare.gateway.views;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.continuumcare.gateway.views.engine.ViewColumn;

/**
 * Writes a view's rows as they come, one at a time, to a stream: nothing is kept but the row being
 * written. CSV quotes fields as RFC 4180 says and writes a collection as a JSON array; NDJSON
 * writes one JSON object a line; JSON writes one array of objects; Parquet ({@link
 * ParquetRowWriter}) collects rows in a DuckDB file on disk and writes the file at the end.
 */
interface RowWriter extends AutoCloseable {

  void start(List<ViewColumn> columns) throws IOException;

  void row(Object[] values) throws IOException;

  @Override
  void close() throws IOException;

  ObjectMapper JSON = new ObjectMapper();

  static RowWriter csv(OutputStream out, boolean header) {
    return new Csv(
        new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)),
        header);
  }

  static RowWriter ndjson(OutputStream out) {
    return new Json(out, false);
  }

  static RowWriter json(OutputStream out) {
    return new Json(out, true);
  }

  final class Csv implements RowWriter {
    private final Writer out;
    private final boolean header;

    Csv(Writer out, boolean header) {
      this.out = out;
      this.header = header;
    }

    @Override
    public void start(List<ViewColumn> columns) throws IOException {
      if (header) {
        line(columns.stream().map(ViewColumn::name).toArray());
      }
    }

    @Override
    public void row(Object[] values) throws IOException {
      line(values);
    }

    private void line(Object[] values) throws IOException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(values[i]));
      }
      out.write("\r\n");
    }

    static String field(Object value) {
      if (value == null) {
        return "";
      }
      String text;
      try {
        text =
            value instanceof List<?>
                ? JSON.writeValueAsString(value)
                : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (text.indexOf(',') >= 0
          || text.indexOf('"') >= 0
          || text.indexOf('\n') >= 0
          || text.indexOf('\r') >= 0) {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
      return text;
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  final class Json implements RowWriter {
    private final JsonGenerator out;
    private final boolean array;
    private List<String> columns;

    Json(OutputStream stream, boolean array) {
      try {
        this.out = JSON.getFactory().createGenerator(stream);
        this.out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.array = array;
      if (!array) {
        out.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      }
    }

    @Override
    public void start(List<ViewColumn> columns) throws IOException {
      this.columns = columns.stream().map(ViewColumn::name).toList();
      if (array) {
        out.writeStartArray();
      }
    }

    @Override
    public void row(Object[] values) throws IOException {
      out.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        out.writeFieldName(columns.get(i));
        out.writeObject(values[i]);
      }
      out.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      if (array) {
        out.writeEndArray();
      } else {
        out.writeRaw('\n');
      }
      out.flush();
    }
  }
}
