package org.continuumcare.routes.handoff;

/**
 * A partner that hands people over at release, as its package registers it (one bean): the gateway
 * puts {@code POST /api/handoffs/hl7v2} (ER7) and {@code POST /api/handoffs} (JSON) in front of it,
 * behind its security, and writes the {@link HandoffReply}. Everything about the formats (parsing,
 * translation to a FHIR transaction, acknowledgments, problems) is the partner's.
 */
public interface HandoffIntake {

  /** An HL7 v2 message (ER7; empty when the request had no body) -> the ACK. */
  HandoffReply hl7v2(String er7);

  /**
   * A JSON handoff (empty when the request had no body) -> a receipt or a problem.
   *
   * @param fhirBase the absolute URL of this gateway's FHIR API, for links to what was stored
   */
  HandoffReply json(byte[] body, String fhirBase);
}
