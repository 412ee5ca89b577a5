package org.continuumcare.gateway.relay;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Drains the attempt journal into AuditEvents: at once while there is more, else every 500 ms, and
 * every 2.5 s once it has been idle for 2 s. {@code drainers} routes ({@code relay-audit-1} ...) do
 * it side by side, each with its own batch (the journal is locked {@code FOR UPDATE SKIP LOCKED}).
 */
final class RelayAuditRoute extends RouteBuilder {

  static final String ROUTE_ID = "relay-audit";

  private final RelayAuditTrail trail;
  private final int drainers;

  RelayAuditRoute(RelayAuditTrail trail, int drainers) {
    this.trail = trail;
    this.drainers = drainers;
  }

  @Override
  public void configure() {
    for (int drainer = 1; drainer <= drainers; drainer++) {
      String routeId = ROUTE_ID + "-" + drainer;
      // Idle: after 4 empty polls (2 s) only every 5th poll looks (every 2.5 s) until one finds
      // work.
      fromF(
              "scheduler:%s?delay=500&initialDelay=1000&greedy=true&synchronous=true"
                  + "&backoffIdleThreshold=4&backoffMultiplier=4",
              routeId)
          .routeId(routeId)
          .process(
              exchange ->
                  exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, trail.drain() > 0));
    }
  }
}
