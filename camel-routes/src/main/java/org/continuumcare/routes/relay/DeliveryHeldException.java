package org.continuumcare.routes.relay;

/** The disclosure gate held a delivery: not a failure, the row is parked as HELD. */
public final class DeliveryHeldException extends RuntimeException {

  public DeliveryHeldException(String reason) {
    super(reason, null, false, false);
  }
}
