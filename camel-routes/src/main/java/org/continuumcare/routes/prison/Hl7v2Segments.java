package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A light ER7 reader: the segments of a message by id, in message order, with field access by HL7
 * position (field, repetition, component, subcomponent) and HL7 escape sequences decoded. It reads
 * only what is asked, so a dense 8 KB v2.8 message costs microseconds (HAPI's full v2.8 model costs
 * milliseconds per message).
 */
final class Hl7v2Segments {

  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, List<Segment>> byId = new HashMap<>();
  private final char fieldSeparator;
  private final char component;
  private final char repetition;
  private final char escape;
  private final char subcomponent;

  private Hl7v2Segments(char fieldSeparator, String encoding) {
    this.fieldSeparator = fieldSeparator;
    this.component = encoding.charAt(0);
    this.repetition = encoding.charAt(1);
    this.escape = encoding.charAt(2);
    this.subcomponent = encoding.charAt(3);
  }

  /**
   * Reads segment lines already checked by {@link PrisonHl7v2Parser} (first one MSH, delimiters
   * valid).
   */
  static Hl7v2Segments of(List<String> lines, char fieldSeparator, String encoding) {
    Hl7v2Segments message = new Hl7v2Segments(fieldSeparator, encoding);
    for (String line : lines) {
      String id = line.length() >= 3 ? line.substring(0, 3) : line;
      Segment segment = message.new Segment(id, split(line, fieldSeparator));
      message.segments.add(segment);
      message.byId.computeIfAbsent(id, k -> new ArrayList<>()).add(segment);
    }
    return message;
  }

  /** Every segment in message order (MSH first). */
  List<Segment> all() {
    return List.copyOf(segments);
  }

  List<Segment> all(String id) {
    return byId.getOrDefault(id, List.of());
  }

  Segment first(String id) {
    List<Segment> list = all(id);
    return list.isEmpty() ? null : list.get(0);
  }

  int size() {
    return segments.size();
  }

  /**
   * Field value (1-based field, 0-based repetition, 1-based component and subcomponent); null when
   * blank.
   */
  static String get(Segment segment, int field, int repetition, int component, int subcomponent) {
    return segment == null ? null : segment.value(field, repetition, component, subcomponent);
  }

  static String get(Segment segment, int field, int component) {
    return get(segment, field, 0, component, 1);
  }

  static int repetitions(Segment segment, int field) {
    return segment == null ? 0 : segment.repetitions(field);
  }

  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** One segment: its id and raw fields. */
  final class Segment {

    private final String id;
    private final List<String> parts;

    private Segment(String id, List<String> parts) {
      this.id = id;
      this.parts = parts;
    }

    String getName() {
      return id;
    }

    private String raw(int field) {
      if (field < 1) {
        return null;
      }
      if ("MSH".equals(id)) {
        // MSH-1 is the field separator itself; parts[1] is MSH-2
        if (field == 1) {
          return String.valueOf(fieldSeparator);
        }
        return field - 1 < parts.size() ? parts.get(field - 1) : null;
      }
      return field < parts.size() ? parts.get(field) : null;
    }

    /** The highest field position present (MSH counts MSH-1, the separator). */
    int fieldCount() {
      return "MSH".equals(id) ? parts.size() : parts.size() - 1;
    }

    /**
     * Characters of the field as sent (all repetitions, escape sequences not decoded); 0 when
     * absent.
     */
    int length(int field) {
      String raw = raw(field);
      return raw == null ? 0 : raw.length();
    }

    int repetitions(int field) {
      String raw = raw(field);
      if (raw == null || raw.isEmpty()) {
        return 0;
      }
      return "MSH".equals(id) && field <= 2 ? 1 : split(raw, repetition).size();
    }

    String value(int field, int rep, int comp, int sub) {
      String raw = raw(field);
      if (raw == null || raw.isEmpty()) {
        return null;
      }
      if ("MSH".equals(id) && field <= 2) {
        return raw;
      }
      String value =
          part(part(part(raw, repetition, rep), component, comp - 1), subcomponent, sub - 1);
      if (value == null || value.isBlank() || "\"\"".equals(value)) {
        return null;
      }
      return unescape(value.trim());
    }
  }

  private static String part(String text, char separator, int index) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int n = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == separator) {
        if (n == index) {
          return text.substring(start, i);
        }
        n++;
        start = i + 1;
      }
    }
    return null;
  }

  /** Decodes \F\ \S\ \T\ \R\ \E\ (delimiters); other escapes (formatting, hex) are dropped. */
  private String unescape(String value) {
    if (value.indexOf(escape) < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      int close = c == escape ? value.indexOf(escape, i + 1) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String code = value.substring(i + 1, close);
      switch (code) {
        case "F" -> out.append(fieldSeparator);
        case "S" -> out.append(component);
        case "T" -> out.append(subcomponent);
        case "R" -> out.append(repetition);
        case "E" -> out.append(escape);
        default -> {}
      }
      i = close + 1;
    }
    return out.toString();
  }
}
