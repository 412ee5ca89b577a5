package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

  private final FailureClassifier classifier =
      new FailureClassifier(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 429})
  void serverErrorsAndTooManyRequestsAreTransient(int status) {
    assertThat(classifier.forStatus(status, null, "busy"))
        .isInstanceOf(TransientDeliveryException.class)
        .hasMessageContaining("HTTP " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 409, 412, 422})
  void clientErrorsArePermanent(int status) {
    assertThat(classifier.forStatus(status, null, "bad"))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("HTTP " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 307, 308})
  void redirectsArePermanentAndNotFollowed(int status) {
    assertThat(classifier.forStatus(status, null, null))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("redirect");
  }

  @Test
  void tooManyRequestsCarriesRetryAfterInSeconds() {
    TransientDeliveryException e =
        (TransientDeliveryException) classifier.forStatus(429, "120", null);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.status()).isEqualTo(429);
  }

  @Test
  void retryAfterAsHttpDateIsRelativeToTheClock() {
    assertThat(classifier.parseRetryAfter("Tue, 24 Nov 2026 12:05:00 GMT"))
        .contains(Duration.ofMinutes(5));
  }

  @Test
  void retryAfterInThePastOrUnreadableGivesNoWaitOrNothing() {
    assertThat(classifier.parseRetryAfter("Tue, 24 Nov 2026 11:00:00 GMT")).contains(Duration.ZERO);
    assertThat(classifier.parseRetryAfter("soon")).isEmpty();
    assertThat(classifier.parseRetryAfter(null)).isEmpty();
  }

  @Test
  void timeoutsAndIoErrorsAreTransient() {
    assertThat(classifier.forThrowable(new HttpTimeoutException("request timed out")))
        .isInstanceOf(TransientDeliveryException.class)
        .hasMessageContaining("timeout");
    assertThat(classifier.forThrowable(new ConnectException("Connection refused")))
        .isInstanceOf(TransientDeliveryException.class)
        .hasMessageContaining("I/O");
    assertThat(classifier.forThrowable(new IOException("reset")))
        .isInstanceOf(TransientDeliveryException.class);
  }

  @Test
  void unexpectedExceptionsSuchAsMappingErrorsArePermanent() {
    assertThat(classifier.forThrowable(new IllegalStateException("cannot map category")))
        .isInstanceOf(PermanentDeliveryException.class)
        .hasMessageContaining("cannot map category");
  }

  @Test
  void alreadyClassifiedFailuresKeepTheirClass() {
    PermanentDeliveryException dead = new PermanentDeliveryException("endpoint gone");

    assertThat(classifier.forThrowable(dead)).isSameAs(dead);
  }
}
