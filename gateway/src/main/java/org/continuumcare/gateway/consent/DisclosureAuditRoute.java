package org.continuumcare.gateway.consent;

import java.time.Duration;
import org.continuumcare.routes.polling.DrainerRoutes;

/**
 * Drains the disclosure journal into AuditEvents ({@link DrainerRoutes}: idle, it looks again after
 * 200 ms, then after twice as long each time up to {@link #IDLE_CAP}). Readers of AuditEvents do
 * not wait for it: they drain what is journaled first ({@code AccountingReads}).
 */
final class DisclosureAuditRoute extends DrainerRoutes {

  static final String ROUTE_ID = "disclosure-audit";

  /** The longest an idle drainer waits before it looks again. */
  static final Duration IDLE_CAP = Duration.ofSeconds(5);

  DisclosureAuditRoute(DisclosureTrail trail, int drainers) {
    super(ROUTE_ID, drainers, Duration.ofMillis(200), IDLE_CAP, trail::drainNext);
  }
}
