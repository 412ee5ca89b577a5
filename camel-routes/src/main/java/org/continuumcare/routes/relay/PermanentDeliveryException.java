package org.continuumcare.routes.relay;

/**
 * The delivery cannot succeed by trying again (4xx, garbage answer, redirect, mapping error,
 * unknown endpoint): it becomes a dead letter with this reason.
 */
public final class PermanentDeliveryException extends RuntimeException {

  private final Integer status;

  public PermanentDeliveryException(String reason, Integer status, Throwable cause) {
    super(reason, cause);
    this.status = status;
  }

  public PermanentDeliveryException(String reason, Integer status) {
    this(reason, status, null);
  }

  public PermanentDeliveryException(String reason) {
    this(reason, null, null);
  }

  /** The partner's HTTP status, if it answered. */
  public Integer status() {
    return status;
  }
}
