package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class ConditionalCreateConcurrencyIT extends GatewayIntegrationTest {

  private static final int CLIENTS = 8;

  @Test
  void eightClientsConditionallyCreatingTheSamePersonAtOnceYieldOnePatient() throws Exception {
    String system = uniqueSystem();
    String match = "Patient?identifier=" + system + "|same-person";
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<String>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        Callable<String> create =
            () -> {
              start.await();
              try {
                MethodOutcome outcome =
                    fhir().create().resource(FhirRestApiIT.patient(system, "same-person", "Racer"))
                        .conditionalByUrl(match).execute();
                return outcome.getId().getIdPart();
              } catch (BaseServerResponseException conflict) {
                // A loser of the race may be told to retry (409/412); it must never create a second Patient.
                assertThat(conflict.getStatusCode()).isIn(409, 412);
                return "conflict";
              }
            };
        outcomes.add(pool.submit(create));
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        ids.add(outcome.get(120, TimeUnit.SECONDS));
      }

      Bundle stored = fhir().search().byUrl(match).returnBundle(Bundle.class).execute();
      assertThat(stored.getEntry()).hasSize(1);
      String winner = stored.getEntryFirstRep().getResource().getIdElement().getIdPart();
      assertThat(ids).allSatisfy(id -> assertThat(id).isIn(winner, "conflict"));
    } finally {
      pool.shutdownNow();
    }
  }
}
