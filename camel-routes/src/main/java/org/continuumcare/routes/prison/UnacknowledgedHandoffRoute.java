package org.continuumcare.routes.prison;

import java.time.Duration;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code prison-handoff-unacknowledged}: a timer that runs the {@link UnacknowledgedHandoffCheck}
 * every {@code interval} (one run at a time; the first after one interval).
 */
public final class UnacknowledgedHandoffRoute extends RouteBuilder {

  public static final String ROUTE_ID = "prison-handoff-unacknowledged";

  private final UnacknowledgedHandoffCheck check;
  private final Duration interval;

  public UnacknowledgedHandoffRoute(UnacknowledgedHandoffCheck check, Duration interval) {
    this.check = Objects.requireNonNull(check, "check");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("the check interval must be positive: " + interval);
    }
  }

  @Override
  public void configure() {
    long millis = interval.toMillis();
    from("timer:" + ROUTE_ID + "?fixedRate=false&period=" + millis + "&delay=" + millis)
        .routeId(ROUTE_ID)
        .bean(check, "run");
  }
}
