package org.continuumcare.routes.hmis;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one physical line of an HMIS CSV file (RFC 4180 quoting: fields optionally in double
 * quotes, a quote inside a quoted field doubled). HMIS exports have no line breaks inside fields,
 * so one line is one record; a line with broken quoting is rejected on its own and never swallows
 * the lines after it.
 */
final class CsvLineParser {

  private CsvLineParser() {}

  static List<String> parse(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        int start = i;
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (!closed) {
          throw new MalformedCsvException(
              "unterminated quoted field "
                  + (fields.size() + 1)
                  + " starting at character "
                  + (start + 1));
        }
        if (i < n && line.charAt(i) != ',') {
          throw new MalformedCsvException(
              "text after the closing quote of field "
                  + (fields.size() + 1)
                  + " at character "
                  + (i + 1));
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          char c = line.charAt(i);
          if (c == '"') {
            throw new MalformedCsvException(
                "quote inside unquoted field " + (fields.size() + 1) + " at character " + (i + 1));
          }
          field.append(c);
          i++;
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }

  /** A line that is not valid CSV. */
  static final class MalformedCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedCsvException(String message) {
      super(message);
    }
  }
}
