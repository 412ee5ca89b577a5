package org.continuumcare.gateway.relay;

import java.time.Duration;
import org.continuumcare.routes.polling.DrainerRoutes;

/**
 * Drains the attempt journal into AuditEvents ({@link DrainerRoutes}: idle, it looks again after
 * 500 ms, then after twice as long each time up to {@link #IDLE_CAP}, and at once when an attempt
 * is journaled on this instance: {@code OutboxStore.whenJournaled} calls {@link #signal()}).
 */
final class RelayAuditRoute extends DrainerRoutes {

  static final String ROUTE_ID = "relay-audit";

  /** The longest an idle drainer waits before it looks again. */
  static final Duration IDLE_CAP = Duration.ofSeconds(5);

  RelayAuditRoute(RelayAuditTrail trail, int drainers) {
    super(ROUTE_ID, drainers, Duration.ofMillis(500), IDLE_CAP, trail::drain);
  }
}
