package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class TransactionIT extends GatewayIntegrationTest {

  @Test
  void hundredEntryTransactionWithUrnUuidReferencesCommitsEveryEntryAndResolvesTheReferences() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    Bundle transaction = transactionOfPatientAndObservations(system, 99);

    Bundle response = client.transaction().withBundle(transaction).execute();

    assertThat(response.getEntry()).hasSize(100);
    assertThat(response.getEntry())
        .allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
    String patientId = response.getEntryFirstRep().getResponse().getLocation().split("/")[1];
    Bundle observations =
        client
            .search()
            .byUrl("Observation?subject=Patient/" + patientId + "&_count=200&_summary=count")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(observations.getTotal()).isEqualTo(99);
  }

  @Test
  void transactionWithOneInvalidEntryCommitsNothingAndNamesTheEntry() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    Bundle transaction = transactionOfPatientAndObservations(system, 99);
    Observation broken = (Observation) transaction.getEntry().get(50).getResource();
    broken.setSubject(new Reference("Patient/no-such-patient-" + UUID.randomUUID()));

    BaseServerResponseException failure =
        catchThrowableOfType(
            BaseServerResponseException.class,
            () -> client.transaction().withBundle(transaction).execute());

    assertThat(failure.getStatusCode()).isBetween(400, 499);
    OperationOutcome outcome = (OperationOutcome) failure.getOperationOutcome();
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .contains("Bundle.entry[50]")
        .contains(transaction.getEntry().get(50).getFullUrl())
        .contains("no-such-patient");
    assertThat(
            client
                .search()
                .byUrl("Patient?identifier=" + system + "|")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void transactionWithAnEntryOfTheWrongShapeIsRefusedWithTheEntryNamed() {
    IGenericClient client = fhir();
    Bundle transaction = transactionOfPatientAndObservations(uniqueSystem(), 3);
    transaction.getEntry().get(2).getRequest().setUrl("NoSuchType");

    BaseServerResponseException failure =
        catchThrowableOfType(
            BaseServerResponseException.class,
            () -> client.transaction().withBundle(transaction).execute());

    assertThat(failure.getStatusCode()).isBetween(400, 499);
    assertThat(
            ((OperationOutcome) failure.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
        .contains("Bundle.entry[2]");
  }

  /** One Patient (entry 0) and {@code count} Observations pointing at it by its urn:uuid. */
  static Bundle transactionOfPatientAndObservations(String system, int count) {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    String patientUrn = "urn:uuid:" + UUID.randomUUID();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("tx-patient");
    transaction
        .addEntry()
        .setFullUrl(patientUrn)
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    for (int i = 0; i < count; i++) {
      Observation observation = new Observation();
      observation.setStatus(Observation.ObservationStatus.FINAL);
      observation.getCode().setText("check-in " + i);
      observation.setSubject(new Reference(patientUrn));
      transaction
          .addEntry()
          .setFullUrl("urn:uuid:" + UUID.randomUUID())
          .setResource(observation)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl("Observation");
    }
    return transaction;
  }
}
