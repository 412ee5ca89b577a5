package org.continuumcare.routes.prison;

import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What came of one inbound HL7 v2 message: a FHIR transaction to commit, or the NACK to answer
 * with.
 */
public sealed interface Hl7v2Intake {

  Hl7v2Header header();

  /**
   * A handoff: commit the transaction, then answer {@link
   * PrisonHl7v2Translator#accept(Hl7v2Header)}.
   */
  record Translated(Hl7v2Header header, ReleaseHandoff handoff, Bundle transaction)
      implements Hl7v2Intake {
    public Translated {
      Objects.requireNonNull(transaction, "transaction");
    }
  }

  /**
   * A cancel (ADT^A11/A12/A13/A25): find the handoff ({@link HandoffRecords}), commit its
   * withdrawal, then answer {@link PrisonHl7v2Translator#accept(Hl7v2Header)}; an unknown handoff
   * is answered {@link PrisonHl7v2Translator#unknownHandoff(Hl7v2Header)}.
   */
  record Withdrawal(Hl7v2Header header, HandoffWithdrawal withdrawal) implements Hl7v2Intake {}

  /** Not a handoff we can take: answer with the ready-built AE/AR; nothing is stored or relayed. */
  record Rejected(Hl7v2Header header, HandoffRejection rejection, String nack)
      implements Hl7v2Intake {}
}
