package org.continuumcare.routes.prison;

/**
 * The outcome of mapping a parsed HL7 v2 message: a handoff, a withdrawal, or the faults that stop
 * it.
 */
public sealed interface Hl7v2Mapping {

  record Mapped(ReleaseHandoff handoff) implements Hl7v2Mapping {}

  record Withdraw(HandoffWithdrawal withdrawal) implements Hl7v2Mapping {}

  record Refused(HandoffRejection rejection) implements Hl7v2Mapping {}
}
