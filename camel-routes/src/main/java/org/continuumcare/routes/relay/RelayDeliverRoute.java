package org.continuumcare.routes.relay;

import org.apache.camel.builder.RouteBuilder;

/**
 * One attempt for one claimed outbox row: prepare (endpoint, resource) -> the partner adapter's
 * route -> store the outcome. Any failure is classified (transient: retry with backoff; permanent:
 * dead letter) and stored; nothing is dropped.
 */
public final class RelayDeliverRoute extends RouteBuilder {

  static final String ROUTE_ID = "relay-deliver";
  static final String URI = "direct:" + ROUTE_ID;

  private final DeliveryCoordinator coordinator;

  public RelayDeliverRoute(DeliveryCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  @Override
  public void configure() {
    from(URI)
        .routeId(ROUTE_ID)
        .setProperty("relayEntry", body())
        .setProperty("relayStarted", method(coordinator, "now"))
        .doTry()
        .bean(coordinator, "prepare")
        .setProperty("relayEntry", method(coordinator, "entryOf"))
        .setProperty("relayAdapterUri", method(coordinator, "adapterUri"))
        .toD("${exchangeProperty.relayAdapterUri}")
        .bean(
            coordinator,
            "delivered(${exchangeProperty.relayEntry}, ${body},"
                + " ${exchangeProperty.relayStarted})")
        .doCatch(Exception.class)
        .bean(
            coordinator,
            "failed(${exchangeProperty.relayEntry}, ${exception},"
                + " ${exchangeProperty.relayStarted})")
        .end();
  }
}
