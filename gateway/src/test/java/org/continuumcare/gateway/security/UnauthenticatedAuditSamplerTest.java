package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sampling of unauthenticated refusals into AuditEvents, on a clock the test moves. */
class UnauthenticatedAuditSamplerTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(START);
  private final UnauthenticatedAuditSampler sampler =
      new UnauthenticatedAuditSampler(
          new SecurityAuditProperties.Unauthenticated(3, Duration.ofMinutes(1)), clock);

  private long audited(UnauthenticatedReason reason, int refusals) {
    return IntStream.range(0, refusals)
        .mapToObj(i -> sampler.admit(reason))
        .filter(OptionalLong::isPresent)
        .count();
  }

  @Test
  void atMostTheLimitOfAWindowIsAuditedHoweverManyRefusalsArrive() {
    assertThat(audited(UnauthenticatedReason.INVALID_SIGNATURE, 200)).isEqualTo(3);

    clock.advance(Duration.ofSeconds(59));
    assertThat(sampler.admit(UnauthenticatedReason.INVALID_SIGNATURE)).isEmpty();
  }

  @Test
  void theFirstAuditOfTheNextWindowSaysHowManyWereSuppressedSinceTheLastOne() {
    assertThat(sampler.admit(UnauthenticatedReason.EXPIRED)).hasValue(0);
    assertThat(sampler.admit(UnauthenticatedReason.EXPIRED)).hasValue(0);
    assertThat(sampler.admit(UnauthenticatedReason.EXPIRED)).hasValue(0);
    assertThat(audited(UnauthenticatedReason.EXPIRED, 197)).isZero();

    clock.advance(Duration.ofMinutes(1));

    assertThat(sampler.admit(UnauthenticatedReason.EXPIRED)).hasValue(197);
    assertThat(sampler.admit(UnauthenticatedReason.EXPIRED)).hasValue(0);
  }

  @Test
  void suppressedRefusalsAreReportedEvenAfterQuietWindows() {
    audited(UnauthenticatedReason.MALFORMED, 10);

    clock.advance(Duration.ofHours(5));

    assertThat(sampler.admit(UnauthenticatedReason.MALFORMED)).hasValue(7);
  }

  @Test
  void eachReasonHasItsOwnAllowanceSoAFloodDoesNotHideOtherFailures() {
    audited(UnauthenticatedReason.INVALID_SIGNATURE, 1_000);

    assertThat(sampler.admit(UnauthenticatedReason.MISSING)).hasValue(0);
    assertThat(sampler.admit(UnauthenticatedReason.EXPIRED)).hasValue(0);
  }

  @Test
  void windowsAreAlignedOnTheEpochSoAWindowEndsAtItsBoundaryNotAMinuteAfterItsFirstRefusal() {
    clock.advance(Duration.ofSeconds(50));
    audited(UnauthenticatedReason.OTHER, 5);

    clock.advance(Duration.ofSeconds(10));

    assertThat(sampler.admit(UnauthenticatedReason.OTHER)).hasValue(2);
  }

  @Test
  void aLimitBelowOneOrAnEmptyWindowIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new SecurityAuditProperties.Unauthenticated(0, Duration.ofMinutes(1)))
        .hasMessageContaining("continuum.security.audit.unauthenticated.max-per-window");
    assertThatThrownBy(() -> new SecurityAuditProperties.Unauthenticated(5, Duration.ZERO))
        .hasMessageContaining("continuum.security.audit.unauthenticated.window");
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration duration) {
      now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
