package org.continuumcare.routes.relay;

/**
 * Told about every attempt after its outcome is stored (the gateway writes an AuditEvent and
 * updates metrics). A listener that throws does not change the stored outcome.
 */
public interface DeliveryAttemptListener {

  void onAttempt(DeliveryAttempt attempt);
}
