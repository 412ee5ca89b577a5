package org.continuumcare.gateway.handoff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.continuumcare.routes.handoff.HandoffAlertListener;

/**
 * Metrics of the "not acknowledged before release" check: gauge {@code
 * continuum_handoff_unacknowledged} (flagged treatment referral Tasks still not accepted, as of the
 * last check) and counter {@code continuum_handoff_unacknowledged_flagged_total} (Tasks flagged).
 */
final class HandoffAlertMetrics implements HandoffAlertListener {

  static final String OUTSTANDING = "continuum.handoff.unacknowledged";
  static final String FLAGGED = "continuum.handoff.unacknowledged.flagged";

  private final AtomicInteger outstanding = new AtomicInteger();
  private final Counter flagged;

  HandoffAlertMetrics(MeterRegistry registry) {
    Gauge.builder(OUTSTANDING, outstanding, AtomicInteger::get)
        .description(
            "Handoff treatment referrals flagged as not acknowledged before release and still open")
        .register(registry);
    this.flagged =
        Counter.builder(FLAGGED)
            .description("Handoff treatment referrals flagged as not acknowledged before release")
            .register(registry);
  }

  @Override
  public void checked(int flaggedNow, int outstandingNow) {
    flagged.increment(flaggedNow);
    outstanding.set(outstandingNow);
  }
}
