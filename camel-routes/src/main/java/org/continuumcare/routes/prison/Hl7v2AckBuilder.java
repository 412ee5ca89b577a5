package org.continuumcare.routes.prison;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds original-mode HL7 v2 ACKs in the version of the inbound message: MSA-1/MSA-2 echo the
 * outcome and the inbound control id; each fault becomes an ERR that names segment, sequence, field
 * and the table 0357 condition. Versions 2.3/2.4 carry it in ERR-1 (ELD, one repetition per fault)
 * with the reasons in MSA-3; 2.5 and later get one ERR per fault with ERR-2 (location), ERR-3
 * (condition), ERR-4 (severity) and ERR-8 (the reason for a person).
 */
public final class Hl7v2AckBuilder {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx").withZone(ZoneOffset.UTC);
  private static final int MSA_TEXT_LIMIT = 200;

  /**
   * MSH-10 / MSA-2 length from v2.7 on (20 before); a longer inbound control id is echoed cut to
   * this.
   */
  static final int CONTROL_ID_LIMIT = 199;

  /** HD length of v2.5 (MSH-3 to MSH-6), the most the ACK echoes of each. */
  static final int HD_LIMIT = 227;

  private final Clock clock;
  private final Supplier<String> controlIds;

  public Hl7v2AckBuilder(Clock clock, Supplier<String> controlIds) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.controlIds = Objects.requireNonNull(controlIds, "controlIds");
  }

  /** AA: the handoff was accepted. */
  public String accept(Hl7v2Header inbound) {
    return header(inbound) + "\rMSA|AA|" + controlId(inbound);
  }

  /**
   * CA (enhanced mode): the handoff was committed to safe storage; it is stored as FHIR afterwards.
   */
  public String commitAccept(Hl7v2Header inbound) {
    return header(inbound) + "\rMSA|CA|" + controlId(inbound);
  }

  /**
   * AE or AR with one ERR per fault; for a sender that asked for the accept acknowledgment only
   * ({@link Hl7v2Header#acceptOnly()}) the same outcome as CE or CR.
   */
  public String reject(Hl7v2Header inbound, HandoffRejection rejection) {
    HandoffRejection.AckCode code =
        inbound.acceptOnly() ? rejection.ackCode().commit() : rejection.ackCode();
    StringBuilder ack = new StringBuilder(header(inbound));
    ack.append("\rMSA|").append(code).append('|').append(controlId(inbound));
    if (inbound.structuredErr()) {
      for (Hl7v2Fault fault : rejection.faults()) {
        ack.append("\rERR||");
        if (fault.segment() != null) {
          ack.append(fault.segment()).append('^').append(fault.sequence());
          if (fault.field() > 0) {
            ack.append('^').append(fault.field()).append("^1");
            if (fault.component() > 0) {
              ack.append('^').append(fault.component());
            }
          }
        }
        Hl7ErrorCode condition = fault.code().inVersion(inbound.version());
        ack.append('|')
            .append(condition.code())
            .append('^')
            .append(condition.text())
            .append("^HL70357|E||||")
            .append(escape(fault.reason()));
      }
    } else {
      ack.append('|').append(escape(limit(rejection.summary())));
      ack.append("\rERR|");
      boolean first = true;
      for (Hl7v2Fault fault : rejection.faults()) {
        if (!first) {
          ack.append('~');
        }
        first = false;
        ack.append(fault.segment() == null ? "" : fault.segment())
            .append('^')
            .append(fault.segment() == null ? "" : String.valueOf(fault.sequence()))
            .append('^')
            .append(fault.field() > 0 ? String.valueOf(fault.field()) : "")
            .append('^')
            .append(fault.code().inVersion(inbound.version()).code())
            .append('&')
            .append(fault.code().inVersion(inbound.version()).text())
            .append("&HL70357");
      }
    }
    return ack.toString();
  }

  /**
   * MSA-2: the inbound control id, cut to {@link #CONTROL_ID_LIMIT} (an oversized MSH-10 is refused
   * anyway).
   */
  private static String controlId(Hl7v2Header inbound) {
    String id = inbound.controlId();
    return escape(id.length() <= CONTROL_ID_LIMIT ? id : id.substring(0, CONTROL_ID_LIMIT));
  }

  private String header(Hl7v2Header inbound) {
    String type =
        inbound.triggerEvent().isEmpty()
            ? "ACK"
            : "2.3".equals(inbound.version())
                ? "ACK^" + escape(inbound.triggerEvent())
                : "ACK^" + escape(inbound.triggerEvent()) + "^ACK";
    String version =
        PrisonHl7v2Parser.SUPPORTED_VERSIONS.contains(inbound.version())
            ? inbound.version()
            : "2.5";
    return "MSH|^~\\&|"
        + raw(inbound.receivingApplication(), inbound)
        + '|'
        + raw(inbound.receivingFacility(), inbound)
        + '|'
        + raw(inbound.sendingApplication(), inbound)
        + '|'
        + raw(inbound.sendingFacility(), inbound)
        + '|'
        + TIMESTAMP.format(clock.instant())
        + "||"
        + type
        + '|'
        + escape(controlIds.get())
        + '|'
        + escape(inbound.processingId())
        + '|'
        + version;
  }

  /**
   * Re-encodes a composite field (HD) of the inbound message with the standard delimiters of the
   * ACK, cut to {@link #HD_LIMIT} characters (an oversized MSH-3 to MSH-6 is refused, and not
   * echoed whole).
   */
  private static String raw(String value, Hl7v2Header inbound) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (value.length() > HD_LIMIT) {
      value = value.substring(0, HD_LIMIT);
    }
    String encoding = inbound.encodingCharacters();
    char component = encoding.charAt(0);
    char subcomponent = encoding.charAt(3);
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == component) {
        out.append('^');
      } else if (c == subcomponent) {
        out.append('&');
      } else if (c == '|' || c == '~' || c == '\\' || c == '^' || c == '&') {
        out.append(escape(String.valueOf(c)));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** HL7 escape sequences for the standard delimiters. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\E\\");
        case '|' -> out.append("\\F\\");
        case '^' -> out.append("\\S\\");
        case '~' -> out.append("\\R\\");
        case '&' -> out.append("\\T\\");
        case '\r', '\n' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String limit(String text) {
    return text.length() <= MSA_TEXT_LIMIT ? text : text.substring(0, MSA_TEXT_LIMIT - 3) + "...";
  }
}
