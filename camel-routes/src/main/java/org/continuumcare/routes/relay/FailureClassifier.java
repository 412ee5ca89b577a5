package org.continuumcare.routes.relay;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Decides whether a failed attempt is worth repeating. Transient: I/O errors, timeouts, 5xx, 429
 * (with its Retry-After). Permanent: other 4xx, redirects, 1xx and anything unexpected.
 */
public final class FailureClassifier {

  private final Clock clock;

  public FailureClassifier(Clock clock) {
    this.clock = clock;
  }

  /**
   * The exception for a non-2xx answer.
   *
   * @param status the HTTP status
   * @param retryAfter the Retry-After header value, or null
   * @param detail a short description of the answer (no resource bodies)
   */
  public RuntimeException forStatus(int status, String retryAfter, String detail) {
    String reason = "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
    if (status == 429 || status == 503) {
      return new TransientDeliveryException(
          reason, status, parseRetryAfter(retryAfter).orElse(null), null);
    }
    if (status >= 500) {
      return new TransientDeliveryException(reason, status);
    }
    if (status >= 300 && status < 400) {
      return new PermanentDeliveryException("redirect not followed: " + reason, status);
    }
    return new PermanentDeliveryException(reason, status);
  }

  /** The classified form of any failure raised during an attempt. */
  public RuntimeException forThrowable(Throwable failure) {
    if (failure instanceof TransientDeliveryException
        || failure instanceof PermanentDeliveryException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof HttpTimeoutException) {
      return new TransientDeliveryException(
          "timeout: " + failure.getMessage(), null, null, failure);
    }
    if (failure instanceof IOException) {
      return new TransientDeliveryException("I/O error: " + describe(failure), null, null, failure);
    }
    return new PermanentDeliveryException(
        "unexpected failure: " + describe(failure), null, failure);
  }

  /** Retry-After as delta-seconds or an HTTP-date, relative to now; never negative. */
  public Optional<Duration> parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delta = Duration.between(clock.instant(), at);
        return Optional.of(delta.isNegative() ? Duration.ZERO : delta);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}
