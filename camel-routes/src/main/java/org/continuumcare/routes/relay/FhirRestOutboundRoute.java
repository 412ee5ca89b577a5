package org.continuumcare.routes.relay;

import org.apache.camel.builder.RouteBuilder;

/**
 * The FHIR REST partner adapter as a route: body in is a {@link Delivery}, body out the partner's
 * HTTP status. Failures propagate to {@code relay-deliver}, which classifies and stores them.
 */
public final class FhirRestOutboundRoute extends RouteBuilder {

  private final FhirRestAdapter adapter;

  public FhirRestOutboundRoute(FhirRestAdapter adapter) {
    this.adapter = adapter;
  }

  @Override
  public void configure() {
    from("direct:" + FhirRestAdapter.ROUTE_ID)
        .routeId(FhirRestAdapter.ROUTE_ID)
        .errorHandler(noErrorHandler())
        .bean(adapter, "deliver");
  }
}
