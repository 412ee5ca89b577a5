package org.continuumcare.routes.prison;

import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link PrisonHandoffRoute}: translate, hand over the transaction (a handoff's, or a
 * withdrawal's built from the handoff as stored), answer with the ACK.
 */
public final class PrisonHandoffSteps {

  static final String INTAKE = "continuumPrisonIntake";
  static final String WITHDRAW_ATTEMPT = "continuumWithdrawAttempt";
  static final int WITHDRAW_ATTEMPTS = 4;
  private static final Logger log = LoggerFactory.getLogger(PrisonHandoffSteps.class);

  private final PrisonHl7v2Translator translator;
  private final HandoffRecords records;
  private final HandoffWithdrawalMapper withdrawals;
  private final CitedRecordCheck citations;

  /**
   * Without a handoff store to read: a cancel (A11/A12/A13/A25) is answered AR, nothing is
   * withdrawn.
   */
  public PrisonHandoffSteps(PrisonHl7v2Translator translator) {
    this(translator, null, null, null);
  }

  public PrisonHandoffSteps(
      PrisonHl7v2Translator translator,
      HandoffRecords records,
      HandoffWithdrawalMapper withdrawals) {
    this(translator, records, withdrawals, null);
  }

  /**
   * @param citations checks the records a handoff cites (the consent of CON-4) before it is stored
   *     or queued; null when there is no store to read (nothing is checked)
   */
  PrisonHandoffSteps(
      PrisonHl7v2Translator translator,
      HandoffRecords records,
      HandoffWithdrawalMapper withdrawals,
      CitedRecordCheck citations) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.records = records;
    this.withdrawals = withdrawals;
    this.citations = citations;
  }

  /**
   * The transaction that withdraws the handoff a cancel names, or null when it is withdrawn already
   * (a resent cancel: nothing to store, answered AA).
   *
   * @throws UnknownHandoffException when no such handoff is stored
   */
  public Bundle withdrawal(Hl7v2Intake.Withdrawal intake) {
    if (records == null || withdrawals == null) {
      throw new IllegalStateException("no handoff store to withdraw from");
    }
    List<DomainResource> stored = records.find(intake.withdrawal().handoffId());
    if (stored.stream().noneMatch(r -> r instanceof org.hl7.fhir.r4.model.Composition)) {
      throw new UnknownHandoffException();
    }
    Bundle transaction = withdrawals.map(intake.withdrawal(), stored).orElse(null);
    if (transaction == null) {
      log.info("HL7 v2 handoff {}: the handoff is withdrawn already", intake.header().controlId());
    }
    return transaction;
  }

  /**
   * True when a withdrawal that lost a version race may read the handoff again and retry (at most
   * {@link #WITHDRAW_ATTEMPTS} attempts in all).
   */
  public boolean withdrawAgain(Exchange exchange) {
    int attempt = exchange.getProperty(WITHDRAW_ATTEMPT, 1, Integer.class);
    if (attempt >= WITHDRAW_ATTEMPTS) {
      return false;
    }
    exchange.setProperty(WITHDRAW_ATTEMPT, attempt + 1);
    log.info(
        "HL7 v2 handoff {}: a record changed while it was withdrawn, reading it again (attempt {} of"
            + " {})",
        exchange.getProperty(INTAKE, Hl7v2Intake.class).header().controlId(),
        attempt + 1,
        WITHDRAW_ATTEMPTS);
    return true;
  }

  /** AE naming PID-3 and PV1-19: the cancel names a handoff that is not stored. */
  public String unknownHandoff(Exchange exchange) {
    // The sender's data, not a failure here: nothing for the HTTP front to turn into a 503.
    exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
    return translator.unknownHandoff(exchange.getProperty(INTAKE, Hl7v2Intake.class).header());
  }

  public Hl7v2Intake translate(String er7, Exchange exchange) {
    Hl7v2Intake intake = translator.translate(er7);
    if (citations != null && intake instanceof Hl7v2Intake.Translated translated) {
      List<HandoffProblem.FieldError> miscited = citations.check(translated.handoff());
      if (!miscited.isEmpty()) {
        intake = translator.miscited(translated.header(), miscited);
      }
    }
    exchange.setProperty(INTAKE, intake);
    return intake;
  }

  /**
   * The AR for an MLLP frame over {@code limitBytes}, from its first bytes (see {@link
   * MllpFrameGuard}).
   */
  public String tooLarge(String start, long limitBytes) {
    return translator.tooLarge(start, limitBytes);
  }

  public Bundle transaction(Hl7v2Intake.Translated intake) {
    return intake.transaction();
  }

  public String accepted(Exchange exchange) {
    Hl7v2Intake intake = exchange.getProperty(INTAKE, Hl7v2Intake.class);
    log.info("HL7 v2 handoff {} stored, answering AA", intake.header().controlId());
    return translator.accept(intake.header());
  }

  /** AA (CA for a sender asking for the accept acknowledgment only): the handoff is withdrawn. */
  public String withdrawn(Exchange exchange) {
    Hl7v2Intake intake = exchange.getProperty(INTAKE, Hl7v2Intake.class);
    log.info(
        "HL7 v2 handoff {} withdrawn ({}), answering {}",
        intake.header().controlId(),
        intake.header().triggerEvent(),
        intake.header().acceptOnly() ? "CA" : "AA");
    return intake.header().acceptOnly()
        ? translator.commitAccept(intake.header())
        : translator.accept(intake.header());
  }

  /**
   * The acknowledgment the sender asked for (MSH-15/MSH-16, {@link Hl7v2Header#wants}), or none
   * (null): the application acknowledgment if its condition holds, else the accept acknowledgment
   * of the same outcome if that condition holds, else nothing. Continuum sends no deferred
   * acknowledgments: what is answered is answered here.
   */
  public String respond(String ack, Exchange exchange) {
    Hl7v2Intake intake = exchange.getProperty(INTAKE, Hl7v2Intake.class);
    if (ack == null || intake == null) {
      return ack;
    }
    Hl7v2Header header = intake.header();
    HandoffRejection.AckCode code = msa1(ack);
    if (code == null || header.wants(code)) {
      return ack;
    }
    HandoffRejection.AckCode accept = code.commit();
    if (accept != code && header.wants(accept)) {
      return ack.replace("\rMSA|" + code + "|", "\rMSA|" + accept + "|");
    }
    log.info(
        "HL7 v2 handoff {}: {} not sent (MSH-15 {}, MSH-16 {})",
        header.controlId(),
        code,
        header.acceptAckType(),
        header.applicationAckType());
    return null;
  }

  private static HandoffRejection.AckCode msa1(String ack) {
    int msa = ack.indexOf("\rMSA|");
    if (msa < 0 || ack.length() < msa + 7) {
      return null;
    }
    try {
      return HandoffRejection.AckCode.valueOf(ack.substring(msa + 5, msa + 7));
    } catch (IllegalArgumentException notOne) {
      return null;
    }
  }

  public String rejected(Hl7v2Intake.Rejected intake) {
    return intake.nack();
  }

  /** The transaction could not be committed: an AE the sender may retry on; nothing was stored. */
  public String storeFailed(Exchange exchange) {
    return failed(exchange, "stored");
  }

  /**
   * The handoff could not be written to the queue: a CE the sender may retry on; nothing was kept.
   */
  public String queueFailed(Exchange exchange) {
    return failed(exchange, "queued");
  }

  private String failed(Exchange exchange, String what) {
    Hl7v2Intake intake = exchange.getProperty(INTAKE, Hl7v2Intake.class);
    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    Hl7v2Header header = intake == null ? Hl7v2Header.unreadable() : intake.header();
    var refused = HandoffQueueSteps.refusal(cause);
    if (refused != null) {
      // The sender's data, not a failure here (e.g. an unknown Organization): one line, no stack
      // trace, AE.
      log.warn(
          "HL7 v2 handoff {} refused by the FHIR store (HTTP {})",
          header.controlId(),
          refused.getStatusCode());
      return translator.refused(
          header,
          "the handoff could not be "
              + what
              + ": the FHIR store refused it (HTTP "
              + refused.getStatusCode()
              + "); nothing was kept");
    }
    // Unrelated to the content (store down, internal error): AR, the same message may be sent
    // again.
    log.error("HL7 v2 handoff {} could not be {}", header.controlId(), what, cause);
    return translator.failed(
        header, "the handoff could not be " + what + "; nothing was kept, send it again");
  }
}
