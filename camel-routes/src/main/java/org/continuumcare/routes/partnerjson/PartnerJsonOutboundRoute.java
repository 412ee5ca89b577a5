package org.continuumcare.routes.partnerjson;

import org.apache.camel.builder.RouteBuilder;

/**
 * A partner JSON adapter as a relay adapter route: body in is a relay {@code Delivery}, body out
 * the partner's HTTP status; failures propagate to {@code relay-deliver}, which classifies and
 * records them.
 */
public final class PartnerJsonOutboundRoute extends RouteBuilder {

  private final PartnerJsonAdapter adapter;

  public PartnerJsonOutboundRoute(PartnerJsonAdapter adapter) {
    this.adapter = adapter;
  }

  @Override
  public void configure() {
    from("direct:" + adapter.routeId())
        .routeId(adapter.routeId())
        .errorHandler(noErrorHandler())
        .bean(adapter, "deliver");
  }
}
