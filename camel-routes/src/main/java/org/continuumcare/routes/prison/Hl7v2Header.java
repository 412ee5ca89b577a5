package org.continuumcare.routes.prison;

/**
 * What an ACK needs from the inbound MSH, read before (and even without) a full parse.
 *
 * @param fieldSeparator MSH-1
 * @param encodingCharacters MSH-2 (component, repetition, escape, subcomponent)
 * @param sendingApplication MSH-3 as written
 * @param sendingFacility MSH-4 as written
 * @param receivingApplication MSH-5 as written
 * @param receivingFacility MSH-6 as written
 * @param messageCode MSH-9.1 (ADT)
 * @param triggerEvent MSH-9.2 (A03)
 * @param controlId MSH-10, echoed in MSA-2
 * @param processingId MSH-11
 * @param version MSH-12.1
 * @param acceptAckType MSH-15 (HL7 table 0155: AL, NE, ER, SU), empty when not sent
 * @param applicationAckType MSH-16 (HL7 table 0155), empty when not sent
 */
public record Hl7v2Header(
    char fieldSeparator,
    String encodingCharacters,
    String sendingApplication,
    String sendingFacility,
    String receivingApplication,
    String receivingFacility,
    String messageCode,
    String triggerEvent,
    String controlId,
    String processingId,
    String version,
    String acceptAckType,
    String applicationAckType) {

  /** HL7 table 0155, accept/application acknowledgment conditions. */
  public static final java.util.Set<String> ACK_CONDITIONS =
      java.util.Set.of("AL", "NE", "ER", "SU");

  public Hl7v2Header {
    acceptAckType = acceptAckType == null ? "" : acceptAckType;
    applicationAckType = applicationAckType == null ? "" : applicationAckType;
  }

  /** An original-mode header (MSH-15 and MSH-16 empty). */
  public Hl7v2Header(
      char fieldSeparator,
      String encodingCharacters,
      String sendingApplication,
      String sendingFacility,
      String receivingApplication,
      String receivingFacility,
      String messageCode,
      String triggerEvent,
      String controlId,
      String processingId,
      String version) {
    this(
        fieldSeparator,
        encodingCharacters,
        sendingApplication,
        sendingFacility,
        receivingApplication,
        receivingFacility,
        messageCode,
        triggerEvent,
        controlId,
        processingId,
        version,
        "",
        "");
  }

  /** The header we answer with when the inbound MSH cannot be read at all. */
  public static Hl7v2Header unreadable() {
    return new Hl7v2Header('|', "^~\\&", "", "", "", "", "", "", "", "P", "2.5");
  }

  /**
   * Enhanced acknowledgment mode asking for the accept acknowledgment only (MSH-16 = NE): the
   * sender wants to know the message was committed to safe storage, and no application
   * acknowledgment. Continuum then answers CA once the handoff is durably queued and stores it as
   * FHIR afterwards (failures become dead letters). Every other header, original mode included, is
   * answered with the application acknowledgment (AA/AE/AR) after the FHIR commit, on the same
   * connection: Continuum sends no deferred acknowledgments.
   */
  public boolean acceptOnly() {
    return "NE".equals(applicationAckType);
  }

  /**
   * Enhanced acknowledgment mode: MSH-15 or MSH-16 is valued (both empty: original mode, where
   * every message gets its application acknowledgment).
   */
  public boolean enhancedMode() {
    return !acceptAckType.isEmpty() || !applicationAckType.isEmpty();
  }

  /**
   * Whether the sender asked for an acknowledgment with this code: always in original mode; in
   * enhanced mode by the condition (HL7 table 0155) of MSH-15 for accept acknowledgments (CA, CE,
   * CR) and of MSH-16 for application acknowledgments (AA, AE, AR): AL always, NE never, ER only
   * for an error or reject, SU only for success. An empty field in enhanced mode counts as AL.
   */
  public boolean wants(HandoffRejection.AckCode code) {
    if (!enhancedMode()) {
      return true;
    }
    boolean accept =
        code == HandoffRejection.AckCode.CA
            || code == HandoffRejection.AckCode.CE
            || code == HandoffRejection.AckCode.CR;
    String condition = accept ? acceptAckType : applicationAckType;
    boolean success = code == HandoffRejection.AckCode.AA || code == HandoffRejection.AckCode.CA;
    return switch (condition.isEmpty() ? "AL" : condition) {
      case "NE" -> false;
      case "ER" -> !success;
      case "SU" -> success;
      default -> true;
    };
  }

  /**
   * True for versions whose ERR segment has ERR-2..ERR-8 (2.5 and later); older ones carry ERR-1
   * only.
   */
  public boolean structuredErr() {
    return !(version.startsWith("2.3")
        || version.startsWith("2.4")
        || version.startsWith("2.2")
        || version.startsWith("2.1"));
  }
}
