package org.continuumcare.routes.prison;

/** The outcome of reading an inbound HL7 v2 message: parsed, or refused with the ACK's faults. */
public sealed interface Hl7v2ParseResult {

  Hl7v2Header header();

  /** A structurally sound ADT^A03/A04/A08 of a supported version. */
  record Parsed(Hl7v2Header header, Hl7v2Segments message, String er7)
      implements Hl7v2ParseResult {}

  /** A message this interface cannot take, with every reason. */
  record Refused(Hl7v2Header header, HandoffRejection rejection) implements Hl7v2ParseResult {}
}
