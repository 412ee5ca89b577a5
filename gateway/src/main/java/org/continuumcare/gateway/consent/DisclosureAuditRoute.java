package org.continuumcare.gateway.consent;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Drains the disclosure journal into AuditEvents: at once while there is more, else every 200 ms,
 * and every second once it has been idle for 2 s. {@code drainers} routes ({@code
 * disclosure-audit-1} ...) do it side by side, each with its own batch (the journal is locked
 * {@code FOR UPDATE SKIP LOCKED}).
 */
final class DisclosureAuditRoute extends RouteBuilder {

  static final String ROUTE_ID = "disclosure-audit";

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
      // Idle: after 10 empty polls (2 s) only every 5th poll looks (every second) until one finds
      // work.
      fromF(
              "scheduler:%s?delay=200&initialDelay=1000&greedy=true&synchronous=true"
                  + "&backoffIdleThreshold=10&backoffMultiplier=5",
              routeId)
          .routeId(routeId)
          .process(
              exchange ->
                  exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, trail.drainNext() > 0));
    }
  }
}
