package org.continuumcare.gateway.relay;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** Drains the attempt journal into AuditEvents: at once while there is more, else every 500 ms. */
final class RelayAuditRoute extends RouteBuilder {

  static final String ROUTE_ID = "relay-audit";

  private final RelayAuditTrail trail;

  RelayAuditRoute(RelayAuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void configure() {
    fromF("scheduler:%s?delay=500&initialDelay=1000&greedy=true&synchronous=true", ROUTE_ID)
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES,
            trail.drain() > 0));
  }
}
