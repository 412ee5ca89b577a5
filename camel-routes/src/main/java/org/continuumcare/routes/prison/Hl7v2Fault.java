package org.continuumcare.routes.prison;

import java.util.Objects;

/**
 * One fault found in an inbound HL7 v2 message: where (segment, its sequence, field, component) and
 * why. Rendered as one ERR segment of the ACK.
 *
 * @param segment segment id (e.g. PID); null when the fault is about the message as a whole
 * @param sequence 1-based occurrence of the segment in the message (1 for the first)
 * @param field 1-based field position, 0 when the fault is about the segment
 * @param component 1-based component, 0 when the fault is about the whole field
 * @param code HL7 table 0357 condition
 * @param reason human-readable reason (no PHI: names positions and formats, not values)
 */
public record Hl7v2Fault(
    String segment, int sequence, int field, int component, Hl7ErrorCode code, String reason) {

  public Hl7v2Fault {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  public static Hl7v2Fault field(String segment, int field, Hl7ErrorCode code, String reason) {
    return new Hl7v2Fault(segment, 1, field, 0, code, reason);
  }

  public static Hl7v2Fault segment(String segment, Hl7ErrorCode code, String reason) {
    return new Hl7v2Fault(segment, 1, 0, 0, code, reason);
  }

  public static Hl7v2Fault message(Hl7ErrorCode code, String reason) {
    return new Hl7v2Fault(null, 0, 0, 0, code, reason);
  }

  /** "PID-3", "PV1-45.1", "MSH" or "message", for logs and problem details. */
  public String location() {
    if (segment == null) {
      return "message";
    }
    if (field == 0) {
      return segment;
    }
    return segment + "-" + field + (component > 0 ? "." + component : "");
  }
}
