package org.continuumcare.routes.prison;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.continuumcare.routes.prison.HandoffRejection.AckCode;

/**
 * The HTTP status of an HL7 ACK answered on {@code POST /api/handoffs/hl7v2}, read from MSA-1: AA
 * (stored) 200; AE (a handoff with bad or missing data, fix and resend) 422 Unprocessable Content;
 * AR (not a message we can process at all: type, version, delimiters, truncated header) 400 Bad
 * Request. A sender in enhanced mode asking for the accept acknowledgment only (MSH-16 = NE) gets
 * the same outcomes as CA 202 Accepted (durably queued, stored as FHIR afterwards), CE 422 and CR
 * 400. The ACK itself is the body in every case.
 */
final class AckStatus {

  private static final Map<AckCode, Integer> HTTP_STATUS =
      new EnumMap<>(
          Map.of(
              AckCode.AA, 200,
              AckCode.AE, 422,
              AckCode.AR, 400,
              AckCode.CA, 202,
              AckCode.CE, 422,
              AckCode.CR, 400));

  private AckStatus() {}

  static int httpStatus(AckCode code) {
    return HTTP_STATUS.get(code);
  }

  /** MSA-1 of an ER7 ACK (segments separated by CR or LF), if there is a readable one. */
  static Optional<AckCode> ackCode(String ack) {
    if (ack == null || ack.length() < 4 || !ack.startsWith("MSH")) {
      return Optional.empty();
    }
    String fieldSeparator = String.valueOf(ack.charAt(3));
    for (String segment : ack.split("[\r\n]+")) {
      if (segment.startsWith("MSA" + fieldSeparator)) {
        String[] fields = segment.split(java.util.regex.Pattern.quote(fieldSeparator), -1);
        for (AckCode code : AckCode.values()) {
          if (code.name().equals(fields[1])) {
            return Optional.of(code);
          }
        }
      }
    }
    return Optional.empty();
  }
}
