package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an inbound HL7 v2 message (ER7; MLLP framing, byte order mark and CR/LF/CRLF segment ends
 * tolerated) of versions 2.3 to 2.8 after checking the header, the delimiters, the message type and
 * version and the shape of every segment. Field content (dates, codes, identifiers) is checked by
 * {@link PrisonHl7v2HandoffMapper}. Fields are read by position with {@link Hl7v2Segments}, the
 * same positions in every version 2.3 to 2.8 for what the handoff uses (HAPI's typed v2.8 model was
 * measured at about 3 ms of CPU per dense message).
 */
public final class PrisonHl7v2Parser {

  static final Set<String> SUPPORTED_VERSIONS =
      Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2");

  /**
   * Events that create or update a handoff (A16 pending discharge, A03 discharge, A04/A08 ahead of
   * release).
   */
  static final Set<String> HANDOFF_EVENTS = Set.of("A03", "A04", "A08", "A16");

  /**
   * Events that withdraw one (A11 cancel admit, A12 cancel transfer, A13 cancel discharge, A25
   * cancel pending).
   */
  static final Set<String> WITHDRAWAL_EVENTS = Set.of("A11", "A12", "A13", "A25");

  static final Set<String> SUPPORTED_EVENTS =
      Set.of("A03", "A04", "A08", "A16", "A11", "A12", "A13", "A25");

  /**
   * MSH-11 processing id of production; T (training) and D (debugging) never become real referrals.
   */
  static final String PRODUCTION = "P";

  private static final String ACCEPTED =
      "ADT^A03, ADT^A04, ADT^A08, ADT^A16 (release handoffs) and ADT^A11,"
          + " ADT^A12, ADT^A13, ADT^A25 (their withdrawal)";
  private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");
  private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|\r|\n");

  public Hl7v2ParseResult parse(String raw) {
    String text = raw == null ? "" : stripFraming(raw);
    List<String> segments = new ArrayList<>();
    for (String line : LINE_BREAKS.split(text)) {
      if (!line.isBlank()) {
        segments.add(stripTrailingBlanks(line));
      }
    }
    if (segments.isEmpty()) {
      return refused(
          Hl7v2Header.unreadable(),
          Hl7v2Fault.message(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "empty message"));
    }
    String msh = segments.get(0);
    if (!msh.startsWith("MSH") || msh.length() < 8) {
      return refused(
          Hl7v2Header.unreadable(),
          Hl7v2Fault.segment(
              "MSH",
              Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
              "the message does not start with an MSH segment"));
    }
    char fieldSeparator = msh.charAt(3);
    int encodingEnd = msh.indexOf(fieldSeparator, 4);
    String encoding = encodingEnd < 0 ? msh.substring(4) : msh.substring(4, encodingEnd);
    String delimiterProblem = delimiterProblem(fieldSeparator, encoding);
    if (delimiterProblem != null) {
      return refused(
          Hl7v2Header.unreadable(),
          Hl7v2Fault.field("MSH", 2, Hl7ErrorCode.DATA_TYPE_ERROR, delimiterProblem));
    }
    String[] fields = msh.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
    char component = encoding.charAt(0);
    String[] type = split(field(fields, 9), component);
    Hl7v2Header header =
        new Hl7v2Header(
            fieldSeparator,
            encoding,
            field(fields, 3),
            field(fields, 4),
            field(fields, 5),
            field(fields, 6),
            part(type, 0),
            part(type, 1),
            field(fields, 10),
            orDefault(part(split(field(fields, 11), component), 0), "P"),
            orDefault(part(split(field(fields, 12), component), 0), ""),
            field(fields, 15),
            field(fields, 16));
    List<Hl7v2Fault> faults = headerFaults(fields, header);
    if (!faults.isEmpty()) {
      return new Hl7v2ParseResult.Refused(
          header, new HandoffRejection(HandoffRejection.AckCode.AR, faults));
    }
    for (int i = 1; i < segments.size(); i++) {
      String segment = segments.get(i);
      String id = segment.length() >= 3 ? segment.substring(0, 3) : segment;
      if (!SEGMENT_ID.matcher(id).matches()) {
        return refused(
            header,
            Hl7v2Fault.message(
                Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "line "
                    + (i + 1)
                    + " is not a segment (no 3-character segment id): truncated or"
                    + " wrapped message?"));
      }
      if (segment.length() > 3 && segment.charAt(3) != fieldSeparator) {
        return refused(
            header,
            new Hl7v2Fault(
                id,
                occurrence(segments, i, id),
                0,
                0,
                Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
                "segment "
                    + id
                    + " does not use the field separator '"
                    + fieldSeparator
                    + "' declared in MSH-1 (wrong delimiters)"));
      }
    }
    String er7 = String.join("\r", segments);
    return new Hl7v2ParseResult.Parsed(
        header, Hl7v2Segments.of(segments, fieldSeparator, encoding), er7);
  }

  private static List<Hl7v2Fault> headerFaults(String[] fields, Hl7v2Header header) {
    List<Hl7v2Fault> faults = new ArrayList<>();
    if (fields.length < 12) {
      faults.add(
          Hl7v2Fault.segment(
              "MSH",
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "MSH is truncated: it ends at field "
                  + fields.length
                  + ", MSH-9 to MSH-12 are required"));
      return faults;
    }
    if (header.messageCode().isEmpty() || header.triggerEvent().isEmpty()) {
      faults.add(
          Hl7v2Fault.field(
              "MSH",
              9,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "message type and trigger event are required"));
    } else if (!"ADT".equals(header.messageCode())) {
      faults.add(
          Hl7v2Fault.field(
              "MSH",
              9,
              Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
              "unsupported message type "
                  + header.messageCode()
                  + "^"
                  + header.triggerEvent()
                  + ": this interface accepts "
                  + ACCEPTED));
    } else if (!SUPPORTED_EVENTS.contains(header.triggerEvent())) {
      faults.add(
          new Hl7v2Fault(
              "MSH",
              1,
              9,
              2,
              Hl7ErrorCode.UNSUPPORTED_EVENT_CODE,
              "unsupported trigger event "
                  + header.triggerEvent()
                  + ": this interface accepts ADT^A03, A04,"
                  + " A08, A16 (handoffs) and A11, A12, A13, A25 (withdrawals)"));
    }
    if (header.controlId().isEmpty()) {
      faults.add(
          Hl7v2Fault.field(
              "MSH", 10, Hl7ErrorCode.REQUIRED_FIELD_MISSING, "message control id is required"));
    }
    if (!PRODUCTION.equals(header.processingId())) {
      faults.add(
          Hl7v2Fault.field(
              "MSH",
              11,
              Hl7ErrorCode.UNSUPPORTED_PROCESSING_ID,
              "processing id "
                  + header.processingId()
                  + " is not P (production): training and debugging"
                  + " messages are not taken as real handoffs; nothing was kept"));
    }
    if (header.version().isEmpty()) {
      faults.add(
          Hl7v2Fault.field(
              "MSH", 12, Hl7ErrorCode.REQUIRED_FIELD_MISSING, "version id is required"));
    } else if (!SUPPORTED_VERSIONS.contains(header.version())) {
      faults.add(
          Hl7v2Fault.field(
              "MSH",
              12,
              Hl7ErrorCode.UNSUPPORTED_VERSION_ID,
              "unsupported version " + header.version() + ": this interface accepts 2.3 to 2.8"));
    }
    ackConditionFault(15, header.acceptAckType(), faults);
    ackConditionFault(16, header.applicationAckType(), faults);
    return faults;
  }

  private static void ackConditionFault(int field, String value, List<Hl7v2Fault> faults) {
    if (!value.isEmpty() && !Hl7v2Header.ACK_CONDITIONS.contains(value)) {
      faults.add(
          Hl7v2Fault.field(
              "MSH",
              field,
              Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
              "acknowledgment condition " + value + " is not in HL7 table 0155 (AL, NE, ER, SU)"));
    }
  }

  private static String delimiterProblem(char fieldSeparator, String encoding) {
    if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
      return "wrong delimiters: MSH-1 field separator must be a punctuation character, found '"
          + fieldSeparator
          + "'";
    }
    if (encoding.length() < 4 || encoding.length() > 5) {
      return "wrong delimiters: MSH-2 must hold 4 encoding characters (component, repetition, escape,"
          + " subcomponent), found "
          + encoding.length();
    }
    if (encoding.chars().distinct().count() != encoding.length()
        || encoding.indexOf(fieldSeparator) >= 0
        || encoding
            .chars()
            .anyMatch(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c))) {
      return "wrong delimiters: MSH-2 encoding characters must be distinct punctuation characters"
          + " other than the field separator";
    }
    return null;
  }

  private static String stripFraming(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end
        && (raw.charAt(start) == '\uFEFF'
            || raw.charAt(start) == '\u000b'
            || Character.isWhitespace(raw.charAt(start)))) {
      start++;
    }
    while (end > start
        && (raw.charAt(end - 1) == '\u001c' || Character.isWhitespace(raw.charAt(end - 1)))) {
      end--;
    }
    return raw.substring(start, end);
  }

  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static int occurrence(List<String> segments, int index, String id) {
    int n = 0;
    for (int i = 0; i <= index; i++) {
      if (segments.get(i).startsWith(id)) {
        n++;
      }
    }
    return n;
  }

  private static String field(String[] fields, int position) {
    // fields[0] is "MSH", fields[1] is MSH-2 (MSH-1 is the separator itself)
    return position - 1 < fields.length ? fields[position - 1] : "";
  }

  private static String[] split(String value, char separator) {
    return value.split(Pattern.quote(String.valueOf(separator)), -1);
  }

  private static String part(String[] parts, int index) {
    return index < parts.length ? parts[index] : "";
  }

  private static String orDefault(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  private static Hl7v2ParseResult refused(Hl7v2Header header, Hl7v2Fault fault) {
    return new Hl7v2ParseResult.Refused(header, HandoffRejection.reject(fault));
  }
}
