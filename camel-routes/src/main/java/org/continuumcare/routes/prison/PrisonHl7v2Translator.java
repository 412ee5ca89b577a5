package org.continuumcare.routes.prison;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HL7 v2 in, FHIR transaction or NACK out: parse -> check the segment structure (AR) and the field
 * lengths (AE) -> map to a {@link ReleaseHandoff} -> map to the transaction. Bad input never
 * escapes as an exception: it is answered with an AE/AR naming the fault. The AA is built by {@link
 * #accept(Hl7v2Header)} once the caller has committed the transaction.
 */
public final class PrisonHl7v2Translator {

  private static final Logger log = LoggerFactory.getLogger(PrisonHl7v2Translator.class);

  private final PrisonHl7v2Parser parser;
  private final PrisonHl7v2HandoffMapper handoffMapper;
  private final ReleaseHandoffTransactionMapper transactionMapper;
  private final Hl7v2AckBuilder acks;
  private final Hl7v2Structure structure = new Hl7v2Structure();
  private final Hl7v2FieldLengths lengths;

  /** With the default field limits ({@link Hl7v2FieldLimits#defaults()}). */
  public PrisonHl7v2Translator(
      PrisonHl7v2Parser parser,
      PrisonHl7v2HandoffMapper handoffMapper,
      ReleaseHandoffTransactionMapper transactionMapper,
      Hl7v2AckBuilder acks) {
    this(parser, handoffMapper, transactionMapper, acks, Hl7v2FieldLimits.defaults());
  }

  public PrisonHl7v2Translator(
      PrisonHl7v2Parser parser,
      PrisonHl7v2HandoffMapper handoffMapper,
      ReleaseHandoffTransactionMapper transactionMapper,
      Hl7v2AckBuilder acks,
      Hl7v2FieldLimits limits) {
    this.lengths = new Hl7v2FieldLengths(limits);
    this.parser = Objects.requireNonNull(parser, "parser");
    this.handoffMapper = Objects.requireNonNull(handoffMapper, "handoffMapper");
    this.transactionMapper = Objects.requireNonNull(transactionMapper, "transactionMapper");
    this.acks = Objects.requireNonNull(acks, "acks");
  }

  public Hl7v2Intake translate(String er7) {
    Hl7v2ParseResult parsed = parser.parse(er7);
    if (parsed instanceof Hl7v2ParseResult.Refused refused) {
      return rejected(refused.header(), refused.rejection());
    }
    Hl7v2ParseResult.Parsed message = (Hl7v2ParseResult.Parsed) parsed;
    Optional<HandoffRejection> faulty =
        structure
            .check(message.header(), message.message())
            .or(() -> lengths.check(message.message()));
    if (faulty.isPresent()) {
      return rejected(message.header(), faulty.get());
    }
    try {
      Hl7v2Mapping mapping = handoffMapper.map(message);
      if (mapping instanceof Hl7v2Mapping.Refused refused) {
        return rejected(message.header(), refused.rejection());
      }
      if (mapping instanceof Hl7v2Mapping.Withdraw withdraw) {
        return new Hl7v2Intake.Withdrawal(message.header(), withdraw.withdrawal());
      }
      ReleaseHandoff handoff = ((Hl7v2Mapping.Mapped) mapping).handoff();
      return new Hl7v2Intake.Translated(message.header(), handoff, transactionMapper.map(handoff));
    } catch (RuntimeException e) {
      log.error("HL7 v2 handoff {} could not be translated", message.header().controlId(), e);
      // Not the message's fault: AR (HL7: rejected for a reason unrelated to its content), 207.
      return rejected(
          message.header(),
          HandoffRejection.reject(
              Hl7v2Fault.message(
                  Hl7ErrorCode.APPLICATION_INTERNAL_ERROR,
                  "the handoff could not be translated: internal error;"
                      + " nothing was kept, send it again")));
    }
  }

  /**
   * The AR for an MLLP frame over the size limit, read no further than {@code start} (its first
   * bytes, enough for the MSH): the sender must not send it again unchanged.
   */
  public String tooLarge(String start, long limitBytes) {
    int lineEnd = start.indexOf('\r');
    int newline = start.indexOf('\n');
    if (newline >= 0 && (lineEnd < 0 || newline < lineEnd)) {
      lineEnd = newline;
    }
    Hl7v2Header header = parser.parse(lineEnd < 0 ? start : start.substring(0, lineEnd)).header();
    HandoffRejection rejection =
        HandoffRejection.reject(
            Hl7v2Fault.message(
                Hl7ErrorCode.VALUE_TOO_LONG,
                "the message is larger than "
                    + limitBytes
                    + " bytes, the most this interface accepts;"
                    + " nothing was kept"));
    log.info(
        "HL7 v2 handoff {} refused with AR: larger than {} bytes", header.controlId(), limitBytes);
    return acks.reject(header, rejection);
  }

  /** The AA for a handoff whose transaction was committed. */
  public String accept(Hl7v2Header header) {
    return acks.accept(header);
  }

  /**
   * The CA for a handoff committed to the queue (a sender asking for the accept acknowledgment
   * only).
   */
  public String commitAccept(Hl7v2Header header) {
    return acks.commitAccept(header);
  }

  /**
   * An AR (CR for a sender asking for the accept acknowledgment only), ERR-3 207, for a handoff
   * that was translated but could not be committed for a reason unrelated to its content (store
   * down, internal error): HL7 table 0008 AR, "rejected for reasons unrelated to content"; the same
   * message may be sent again.
   */
  public String failed(Hl7v2Header header, String reason) {
    return acks.reject(
        header,
        HandoffRejection.reject(
            Hl7v2Fault.message(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, reason)));
  }

  /**
   * An AE (CE), ERR-3 207, for a handoff the FHIR store refused because of its content (e.g. an
   * HTTP 422: a referenced record that does not exist): fix it before sending it again.
   */
  public String refused(Hl7v2Header header, String reason) {
    return acks.reject(
        header,
        HandoffRejection.error(
            List.of(Hl7v2Fault.message(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, reason))));
  }

  /**
   * An AE (CE) for a cancel of a handoff that is not stored, naming the fields it was looked up by
   * (PID-3, PV1-19), ERR-3 204 "Unknown key identifier".
   */
  public String unknownHandoff(Hl7v2Header header) {
    log.info(
        "HL7 v2 handoff {} refused with AE: no stored handoff to withdraw", header.controlId());
    return acks.reject(
        header,
        HandoffRejection.error(
            List.of(
                Hl7v2Fault.field(
                    "PID",
                    3,
                    Hl7ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                    "no stored handoff for this person identifier (first PID-3) and visit"),
                Hl7v2Fault.field(
                    "PV1",
                    19,
                    Hl7ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                    "no stored handoff for this visit number (PV1-19; without one, the release date PV1-45 or"
                        + " PV2-9) and person: nothing to withdraw"))));
  }

  /**
   * The AE (CE) for a translated handoff whose cited records ({@link HandoffCitation}: the consent
   * of CON-4) are not stored or are another person's, ERR-3 204 "Unknown key identifier".
   */
  public Hl7v2Intake miscited(Hl7v2Header header, List<HandoffProblem.FieldError> errors) {
    List<Hl7v2Fault> faults =
        errors.stream()
            .map(
                error ->
                    CONSENT_POINTER.equals(error.pointer())
                        ? new Hl7v2Fault(
                            "CON",
                            1,
                            4,
                            1,
                            Hl7ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                            "the cited consent (CON-4.1): " + error.detail())
                        : Hl7v2Fault.message(
                            Hl7ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                            "a cited record (" + error.pointer() + "): " + error.detail()))
            .toList();
    return rejected(header, HandoffRejection.error(faults));
  }

  private static final String CONSENT_POINTER = "/consent/reference";

  private Hl7v2Intake rejected(Hl7v2Header header, HandoffRejection rejection) {
    log.info(
        "HL7 v2 handoff {} refused with {}: {}",
        header.controlId(),
        rejection.ackCode(),
        rejection.faults().stream().map(Hl7v2Fault::location).toList());
    return new Hl7v2Intake.Rejected(header, rejection, acks.reject(header, rejection));
  }
}
