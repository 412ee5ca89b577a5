package org.continuumcare.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.UUID;

/**
 * 100-entry transaction bundles (1 Patient + 99 Observations by urn:uuid), {@code -Dclients} x
 * {@code -Drequests}.
 */
public class TransactionSimulation extends Simulation {

  private final int clients = FhirBench.intProperty("clients", 1);
  private final int requests = FhirBench.intProperty("requests", 50);

  private final ScenarioBuilder transactions =
      scenario("100-entry transaction x" + clients)
          .repeat(requests)
          .on(
              http("transaction 100 entries")
                  .post("")
                  .body(
                      StringBody(
                          session -> FhirBench.transactionJson(UUID.randomUUID().toString())))
                  .check(status().is(200)));

  {
    setUp(transactions.injectOpen(atOnceUsers(clients)))
        .protocols(FhirBench.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }
}
