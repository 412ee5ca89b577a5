package org.continuumcare.gateway.consent;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.continuumcare.routes.polling.IdleBackoff;

/**
 * Drains the disclosure journal into AuditEvents: at once while there is more; when there is none,
 * it looks again after 200 ms, then after twice as long each time up to {@link #IDLE_CAP} ({@link
 * IdleBackoff}), and at once again after a batch. Readers of AuditEvents do not wait for it: they
 * drain what is journaled first ({@code AccountingReads}). {@code drainers} routes ({@code
 * disclosure-audit-1} ...) do it side by side, each with its own batch (the journal is locked
 * {@code FOR UPDATE SKIP LOCKED}).
 */
final class DisclosureAuditRoute extends RouteBuilder {

  static final String ROUTE_ID = "disclosure-audit";

  /** The longest an idle drainer waits before it looks again. */
  static final Duration IDLE_CAP = Duration.ofSeconds(5);

  private final DisclosureTrail trail;
  private final int drainers;

  DisclosureAuditRoute(DisclosureTrail trail, int drainers) {
    this.trail = trail;
    this.drainers = drainers;
  }

  @Override
  public void configure() {
    for (int drainer = 1; drainer <= drainers; drainer++) {
      String routeId = ROUTE_ID + "-" + drainer;
      IdleBackoff idle = new IdleBackoff(Duration.ofMillis(200), IDLE_CAP);
      fromF("scheduler:%s?delay=10&initialDelay=1000&greedy=true&synchronous=true", routeId)
          .routeId(routeId)
          .process(
              exchange ->
                  exchange.setProperty(
                      Exchange.SCHEDULER_POLLED_MESSAGES, idle.after(trail.drainNext() > 0)));
    }
  }
}
