package org.continuumcare.gateway.relay;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.continuumcare.routes.polling.IdleBackoff;

/**
 * Drains the attempt journal into AuditEvents: at once while there is more; when there is none, it
 * looks again after 500 ms, then after twice as long each time up to {@link #IDLE_CAP} ({@link
 * IdleBackoff}, one for all drainers), at once when an attempt is journaled on this instance
 * ({@link #journaled}), and at once again after a batch. {@code drainers} routes ({@code
 * relay-audit-1} ...) do it side by side, each with its own batch (the journal is locked {@code FOR
 * UPDATE SKIP LOCKED}).
 */
final class RelayAuditRoute extends RouteBuilder {

  static final String ROUTE_ID = "relay-audit";

  /** The longest an idle drainer waits before it looks again. */
  static final Duration IDLE_CAP = Duration.ofSeconds(5);

  private final RelayAuditTrail trail;
  private final int drainers;
  private final IdleBackoff idle = new IdleBackoff(Duration.ofMillis(500), IDLE_CAP);

  RelayAuditRoute(RelayAuditTrail trail, int drainers) {
    this.trail = trail;
    this.drainers = drainers;
  }

  /** An attempt was journaled on this instance: an idle drainer looks at once. */
  void journaled() {
    idle.signal();
  }

  @Override
  public void configure() {
    for (int drainer = 1; drainer <= drainers; drainer++) {
      String routeId = ROUTE_ID + "-" + drainer;
      fromF("scheduler:%s?delay=10&initialDelay=1000&greedy=true&synchronous=true", routeId)
          .routeId(routeId)
          .process(
              exchange ->
                  exchange.setProperty(
                      Exchange.SCHEDULER_POLLED_MESSAGES, idle.after(trail.drain() > 0)));
    }
  }
}
