package org.continuumcare.routes.relay;

import org.apache.camel.builder.RouteBuilder;

/** Runs {@link RelayHousekeeping#purge()} every {@code housekeeping-interval}. */
public final class RelayHousekeepingRoute extends RouteBuilder {

  static final String ROUTE_ID = "relay-housekeeping";

  private final RelayHousekeeping housekeeping;
  private final RelayProperties properties;

  public RelayHousekeepingRoute(RelayHousekeeping housekeeping, RelayProperties properties) {
    this.housekeeping = housekeeping;
    this.properties = properties;
  }

  @Override
  public void configure() {
    long every = properties.housekeepingInterval().toMillis();
    fromF("scheduler:%s?delay=%d&initialDelay=%d", ROUTE_ID, every, Math.min(every, 60_000L))
        .routeId(ROUTE_ID)
        .bean(housekeeping, "purge");
  }
}
