package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * A FHIR {@code transaction} is all or nothing, its GET entries included. HAPI commits the writes
 * of a transaction before it runs the reads, so a failing read (an unknown type, a malformed
 * search, a missing or hidden record, a refused read) used to answer an error while the writes
 * stayed stored. Each variant here writes a Patient (or, for a partner, an Observation) with an
 * identifier no other test uses, and proves it does not exist after the refusal.
 */
class TransactionAtomicitySecurityIT extends GatewayIntegrationTest {

  private static final String FHIR_JSON = "application/fhir+json";

  @Test
  void aReadOfAnUnknownResourceTypeStoresNothingAndNamesTheEntry() throws Exception {
    String system = uniqueSystem();
    Bundle transaction = patientThen(system, "Foo/1");

    HttpResponse<String> response = post(ADMIN, transaction);

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(diagnostics(response)).contains("Bundle.entry[1] (GET Foo/1)").contains("Foo");
    assertNoPatient(system);
  }

  @Test
  void aMalformedSearchStoresNothingAndNamesTheEntry() throws Exception {
    String system = uniqueSystem();
    Bundle transaction = patientThen(system, "Patient?birthdate=abc");

    HttpResponse<String> response = post(ADMIN, transaction);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Bundle.entry[1] (GET Patient?birthdate=abc)");
    assertNoPatient(system);
  }

  @Test
  void aSearchOnAnUnknownParameterStoresNothing() throws Exception {
    String system = uniqueSystem();
    Bundle transaction = patientThen(system, "Patient?no-such-parameter=1");

    HttpResponse<String> response = post(ADMIN, transaction);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Bundle.entry[1]").contains("no-such-parameter");
    assertNoPatient(system);
  }

  @Test
  void aReadOfAMissingRecordStoresNothingAndAnswers404NamingTheEntry() throws Exception {
    String system = uniqueSystem();
    String missing = "Patient/missing-" + UUID.randomUUID();
    Bundle transaction = patientThen(system, missing);

    HttpResponse<String> response = post(ADMIN, transaction);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(diagnostics(response)).contains("Bundle.entry[1] (GET " + missing + ")");
    assertNoPatient(system);
  }

  @Test
  void aReadTheTokensScopesDoNotAllowStoresNothing() throws Exception {
    // The release team may create Patients but holds no scope on Practitioner.
    String system = uniqueSystem();
    Bundle transaction = patientThen(system, "Practitioner?name=anyone");

    HttpResponse<String> response = post("demo-release-team", transaction);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(diagnostics(response)).contains("Bundle.entry[1]");
    assertNoPatient(system);
  }

  @Test
  void aReadOfARecordThePartnerMayNotSeeStoresNothing() throws Exception {
    // A referral addressed to the employment service; the housing office may not see it.
    for (String id : new String[] {"demo-treatment", "demo-housing", "demo-employment"}) {
      Organization organization = new Organization().setName(id).setActive(true);
      organization.setId("Organization/" + id);
      fhir().update().resource(organization).execute();
    }
    String system = uniqueSystem();
    Patient person = new Patient();
    person.addIdentifier().setSystem(system).setValue("client");
    IIdType patient = fhir().create().resource(person).execute().getId().toUnqualifiedVersionless();
    ServiceRequest referral = new ServiceRequest();
    referral
        .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(new Reference(patient));
    referral.setRequester(new Reference("Organization/demo-treatment"));
    referral.addPerformer(new Reference("Organization/demo-employment"));
    IIdType hidden =
        fhir().create().resource(referral).execute().getId().toUnqualifiedVersionless();
    Observation observation = new Observation();
    observation.addIdentifier().setSystem(system).setValue("housing-observation");
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.getCode().setText("housed");
    observation.addPerformer(new Reference("Organization/demo-housing"));
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    add(transaction, observation, "Observation");
    transaction.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl(hidden.getValue());

    HttpResponse<String> response = post("demo-housing", transaction);

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(diagnostics(response)).contains("Bundle.entry[1] (GET " + hidden.getValue() + ")");
    assertThat(
            fhir()
                .search()
                .byUrl("Observation?identifier=" + system + "|housing-observation")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void aTransactionWhoseReadsSucceedStoresItsWritesAndAnswersEveryEntryInOrder() throws Exception {
    String system = uniqueSystem();
    Patient existing = new Patient();
    existing.addIdentifier().setSystem(system).setValue("existing");
    IIdType existingId =
        fhir().create().resource(existing).execute().getId().toUnqualifiedVersionless();
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    transaction.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl(existingId.getValue());
    add(transaction, patient(system, "new"), "Patient");
    transaction
        .addEntry()
        .getRequest()
        .setMethod(HTTPVerb.GET)
        .setUrl("Patient?identifier=" + system + "|");

    HttpResponse<String> response = post(ADMIN, transaction);

    assertThat(response.statusCode()).isEqualTo(200);
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(answer.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
    assertThat(answer.getEntry()).hasSize(3);
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("200");
    assertThat(answer.getEntry().get(0).getResource().getIdElement().getIdPart())
        .isEqualTo(existingId.getIdPart());
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).startsWith("201");
    assertThat(answer.getEntry().get(1).getResponse().getLocation()).startsWith("Patient/");
    // The search runs after the writes: it finds the Patient the transaction created.
    assertThat(answer.getEntry().get(2).getResponse().getStatus()).startsWith("200");
    Bundle found = (Bundle) answer.getEntry().get(2).getResource();
    assertThat(found.getEntry()).hasSize(2);
    assertThat(
            fhir()
                .search()
                .byUrl("Patient?identifier=" + system + "|new")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .hasSize(1);
  }

  @Test
  void aBatchKeepsAnOutcomePerEntry() throws Exception {
    String system = uniqueSystem();
    Bundle batch = patientThen(system, "Foo/1").setType(BundleType.BATCH);

    HttpResponse<String> response = post(ADMIN, batch);

    assertThat(response.statusCode()).isEqualTo(200);
    Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(answer.getEntry().get(0).getResponse().getStatus()).startsWith("201");
    assertThat(answer.getEntry().get(1).getResponse().getStatus()).startsWith("4");
    assertThat(
            fhir()
                .search()
                .byUrl("Patient?identifier=" + system + "|tx-patient")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .hasSize(1);
  }

  private static Bundle patientThen(String system, String getUrl) {
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    add(transaction, patient(system, "tx-patient"), "Patient");
    transaction.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl(getUrl);
    return transaction;
  }

  private static Patient patient(String system, String value) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue(value);
    patient.addName().setFamily("Atomic");
    return patient;
  }

  private static void add(Bundle bundle, Resource resource, String url) {
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:" + UUID.randomUUID())
        .setResource(resource)
        .getRequest()
        .setMethod(HTTPVerb.POST)
        .setUrl(url);
  }

  private void assertNoPatient(String system) {
    assertThat(
            fhir()
                .search()
                .byUrl("Patient?identifier=" + system + "|tx-patient")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .as("the Patient of the refused transaction")
        .isEmpty();
  }

  private HttpResponse<String> post(String clientId, Bundle bundle) throws Exception {
    return http(
        requestAs(clientId, "/fhir")
            .header("Content-Type", FHIR_JSON)
            .header("Accept", FHIR_JSON)
            .POST(BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(bundle))));
  }

  private static String diagnostics(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("fhir+json"));
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep().getDiagnostics();
  }
}
