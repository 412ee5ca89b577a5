package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Clients creating the same resource at once with a conditional create all get that one resource:
 * the first creates it (201), the others are answered as if they had come after it (200, same id),
 * alone or inside a transaction. Each race is run a few times: one lost race is enough to fail.
 */
class ConditionalCreateConcurrencyIT extends GatewayIntegrationTest {

  private static final int CLIENTS = 8;
  private static final int RACES = 3;

  /** What one racing client got back: the Patient's id and whether its request created it. */
  private record Answer(String patientId, boolean created) {}

  @Test
  void eightClientsConditionallyCreatingTheSamePersonAtOnceAllGetThatOnePatient() throws Exception {
    for (int race = 0; race < RACES; race++) {
      String system = uniqueSystem();
      String match = "Patient?identifier=" + system + "|same-person";

      List<Answer> answers =
          atOnce(
              () -> {
                MethodOutcome outcome =
                    fhir()
                        .create()
                        .resource(FhirRestApiIT.patient(system, "same-person", "Racer"))
                        .conditionalByUrl(match)
                        .execute();
                return new Answer(
                    outcome.getId().getIdPart(), Boolean.TRUE.equals(outcome.getCreated()));
              });

      String stored = onlyPatient(match);
      assertThat(answers).extracting(Answer::patientId).containsOnly(stored);
      assertThat(answers).filteredOn(Answer::created).as("answered 201").hasSize(1);
    }
  }

  @Test
  void eightTransactionsConditionallyCreatingTheSamePersonAtOnceAllGetThatOnePatient()
      throws Exception {
    for (int race = 0; race < RACES; race++) {
      String system = uniqueSystem();
      String match = "Patient?identifier=" + system + "|same-person";

      List<Answer> answers =
          atOnce(
              () -> {
                Bundle response =
                    fhir().transaction().withBundle(patientAndObservation(system, match)).execute();
                Bundle.BundleEntryResponseComponent patient =
                    response.getEntry().get(0).getResponse();
                return new Answer(
                    patient.getLocation().split("/")[1], patient.getStatus().startsWith("201"));
              });

      String stored = onlyPatient(match);
      assertThat(answers).extracting(Answer::patientId).containsOnly(stored);
      assertThat(answers).filteredOn(Answer::created).as("entries answered 201").hasSize(1);
      Bundle observations =
          fhir()
              .search()
              .byUrl("Observation?subject=Patient/" + stored + "&_count=50")
              .returnBundle(Bundle.class)
              .execute();
      assertThat(observations.getEntry())
          .as("every transaction's other entry stored once")
          .hasSize(CLIENTS);
    }
  }

  @Test
  void aTransactionRefusedWithAConflictNamesTheEntry() {
    String patientId =
        fhir()
            .create()
            .resource(FhirRestApiIT.patient(uniqueSystem(), "referenced", "Kept"))
            .execute()
            .getId()
            .getIdPart();
    fhir().create().resource(FhirRestApiIT.observation(patientId, "keeps the Patient")).execute();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Bundle.BundleEntryComponent other =
        transaction
            .addEntry()
            .setFullUrl("urn:uuid:" + UUID.randomUUID())
            .setResource(FhirRestApiIT.observation(patientId, "stored only with the delete"));
    other.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    transaction
        .addEntry()
        .getRequest()
        .setMethod(Bundle.HTTPVerb.DELETE)
        .setUrl("Patient/" + patientId);

    BaseServerResponseException refused =
        catchThrowableOfType(
            BaseServerResponseException.class,
            () -> fhir().transaction().withBundle(transaction).execute());

    assertThat(refused.getStatusCode()).isEqualTo(409);
    assertThat(
            ((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
        .startsWith("Bundle.entry[1] (DELETE Patient/" + patientId + "): ")
        .contains("Unable to delete Patient/" + patientId)
        .endsWith("Nothing was stored.");
  }

  /** A transaction: the Patient by conditional create, and an Observation about it. */
  private static Bundle patientAndObservation(String system, String match) {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    Bundle.BundleEntryComponent patient =
        transaction
            .addEntry()
            .setFullUrl(patientUrl)
            .setResource(FhirRestApiIT.patient(system, "same-person", "Racer"));
    patient.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist(match);
    Observation observation =
        new Observation()
            .setStatus(Observation.ObservationStatus.FINAL)
            .setSubject(new Reference(patientUrl));
    observation.getCode().setText("sent with the Patient");
    Bundle.BundleEntryComponent entry =
        transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation);
    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    return transaction;
  }

  private String onlyPatient(String match) {
    Bundle stored = fhir().search().byUrl(match).returnBundle(Bundle.class).execute();
    assertThat(stored.getEntry()).as("Patients matching " + match).hasSize(1);
    return stored.getEntryFirstRep().getResource().getIdElement().getIdPart();
  }

  /**
   * Runs {@code request} from {@link #CLIENTS} threads released together; a failure fails the test.
   */
  private static <T> List<T> atOnce(Callable<T> request) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
