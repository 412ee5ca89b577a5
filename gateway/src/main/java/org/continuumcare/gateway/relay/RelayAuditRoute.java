package org.continuumcare.gateway.relay;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Drains the attempt journal into AuditEvents: at once while there is more, else every 500 ms.
 * {@code drainers} routes ({@code relay-audit-1} ...) do it side by side, each with its own batch
 * (the journal is locked {@code FOR UPDATE SKIP LOCKED}).
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
      fromF("scheduler:%s?delay=500&initialDelay=1000&greedy=true&synchronous=true", routeId)
          .routeId(routeId)
          .process(exchange -> exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES,
              trail.drain() > 0));
    }
  }
}
