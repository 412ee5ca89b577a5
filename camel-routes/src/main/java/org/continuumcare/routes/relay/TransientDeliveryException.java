package org.continuumcare.routes.relay;

import java.time.Duration;
import java.util.Optional;

/** The partner could not take the delivery now (I/O, timeout, 5xx, 429): try again later. */
public final class TransientDeliveryException extends RuntimeException {

  private final Integer status;
  private final Duration retryAfter;

  public TransientDeliveryException(
      String reason, Integer status, Duration retryAfter, Throwable cause) {
    super(reason, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public TransientDeliveryException(String reason, Integer status) {
    this(reason, status, null, null);
  }

  /** The partner's HTTP status, if it answered. */
  public Integer status() {
    return status;
  }

  /** The partner's Retry-After, if it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
