package org.continuumcare.gateway.handoff;

import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:fhir-transaction}: the body (a transaction Bundle) is committed through HAPI JPA and
 * replaced by the transaction-response Bundle. Failures are not handled here: the exception reaches
 * the caller (the prison route answers AE; the JSON endpoint a problem document), which logs it as
 * what it is. No error handler here: Camel's default one logs every failure at ERROR with a stack
 * trace, an expected refusal of the store (400, 412, 422) as well.
 */
public final class FhirTransactionRoute extends RouteBuilder {

  public static final String ENDPOINT = "direct:fhir-transaction";
  public static final String ROUTE_ID = "fhir-transaction-commit";

  private final FhirTransactionCommitter committer;

  public FhirTransactionRoute(FhirTransactionCommitter committer) {
    this.committer = Objects.requireNonNull(committer, "committer");
  }

  @Override
  public void configure() {
    errorHandler(noErrorHandler());
    from(ENDPOINT).routeId(ROUTE_ID).bean(committer, "commit");
  }
}
