package org.continuumcare.routes.prison;

/** A cancel names a handoff that is not stored (answered AE 204 naming PID-3 and PV1-19). */
final class UnknownHandoffException extends RuntimeException {

  UnknownHandoffException() {
    super("no stored handoff to withdraw", null, false, false);
  }
}
