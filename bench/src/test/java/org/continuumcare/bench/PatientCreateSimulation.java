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
 * Patient creates: {@code -Dclients=1} for sequential throughput, {@code -Dclients=8} for
 * concurrent; each client sends {@code -Drequests} creates back to back.
 */
public class PatientCreateSimulation extends Simulation {

  private final int clients = FhirBench.intProperty("clients", 1);
  private final int requests = FhirBench.intProperty("requests", 500);

  private final ScenarioBuilder creates =
      scenario("Patient create x" + clients)
          .repeat(requests)
          .on(
              http("create Patient")
                  .post("/Patient")
                  .body(StringBody(session -> FhirBench.patientJson(UUID.randomUUID().toString())))
                  .check(status().is(201)));

  {
    setUp(creates.injectOpen(atOnceUsers(clients)))
        .protocols(FhirBench.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }
}
