package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:fhir-transaction}: the body (a transaction Bundle) is committed through HAPI JPA
 * and replaced by the transaction-response Bundle. Failures are not handled here: the exception
 * reaches the caller (the prison route answers AE; the JSON endpoint a problem document). A refusal
 * of the handoff's content (a HAPI 4xx) is the caller's answer to log, not a failed delivery: Camel
 * does not log it as an error with a stack trace.
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
    onException(BaseServerResponseException.class)
        .onWhen(
            exchange -> {
              BaseServerResponseException refusal =
                  exchange.getException(BaseServerResponseException.class);
              return refusal != null && refusal.getStatusCode() < 500;
            })
        .logExhausted(false)
        .logStackTrace(false);
    from(ENDPOINT).routeId(ROUTE_ID).bean(committer, "commit");
  }
}
