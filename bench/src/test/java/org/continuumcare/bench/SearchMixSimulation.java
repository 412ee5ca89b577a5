package org.continuumcare.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A search mix as analysts and partners send it. Each client first seeds one 100-entry transaction
 * of its own (so the mix has data), then repeats: token search by identifier, read by id,
 * Observation search by subject, Patient with _revinclude of its Observations, and a name search.
 */
public class SearchMixSimulation extends Simulation {

  private final int clients = FhirBench.intProperty("clients", 8);
  private final int requests = FhirBench.intProperty("requests", 100);

  private final ScenarioBuilder mix =
      scenario("search mix x" + clients)
          .exec(session -> session.set("value", "mix-" + java.util.UUID.randomUUID()))
          .exec(
              http("seed transaction")
                  .post("")
                  .body(
                      StringBody(session -> FhirBench.transactionJson(session.getString("value"))))
                  .check(status().is(200))
                  .check(
                      jsonPath("$.entry[0].response.location")
                          .transform(l -> l.split("/")[1])
                          .saveAs("patientId")))
          .repeat(requests)
          .on(
              exec(http("search Patient by identifier")
                      .get(
                          session ->
                              "/Patient?identifier="
                                  + FhirBench.RUN_SYSTEM
                                  + "|"
                                  + session.getString("value"))
                      .check(status().is(200), jsonPath("$.total").ofInt().is(1)))
                  .exec(http("read Patient").get("/Patient/#{patientId}").check(status().is(200)))
                  .exec(
                      http("search Observation by subject")
                          .get("/Observation?subject=Patient/#{patientId}&_count=50")
                          .check(status().is(200)))
                  .exec(
                      http("search Patient _revinclude Observation")
                          .get(
                              "/Patient?_id=#{patientId}&_revinclude=Observation:subject&_count=100")
                          .check(status().is(200)))
                  .exec(
                      http("search Patient by name")
                          .get("/Patient?family=Bench42&_count=20")
                          .check(status().is(200))));

  {
    setUp(mix.injectOpen(atOnceUsers(clients)))
        .protocols(FhirBench.protocol())
        .assertions(global().failedRequests().count().is(0L));
  }
}
