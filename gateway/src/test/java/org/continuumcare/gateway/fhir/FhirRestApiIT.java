package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class FhirRestApiIT extends GatewayIntegrationTest {

  @Test
  void capabilityStatementDescribesAnR4ServerThatStoresPatients() {
    CapabilityStatement metadata =
        fhir().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(metadata.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(metadata.getRestFirstRep().getResource())
        .anySatisfy(resource -> assertThat(resource.getType()).isEqualTo("Patient"));
  }

  @Test
  void createdPatientCanBeReadUpdatedAndDeleted() {
    IGenericClient client = fhir();
    Patient patient = patient(uniqueSystem(), "crud-1", "Rivers");

    MethodOutcome created = client.create().resource(patient).execute();
    Patient read =
        client
            .read()
            .resource(Patient.class)
            .withId(created.getId().toUnqualifiedVersionless())
            .execute();
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Rivers");

    read.getNameFirstRep().setFamily("Brooks");
    MethodOutcome updated = client.update().resource(read).execute();
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

    client.delete().resourceById(read.getIdElement().toUnqualifiedVersionless()).execute();
    assertThatThrownBy(
            () ->
                client
                    .read()
                    .resource(Patient.class)
                    .withId(read.getIdElement().toUnqualifiedVersionless())
                    .execute())
        .isInstanceOf(ResourceGoneException.class);
  }

  @Test
  void historyListsEveryVersionOfAResource() {
    IGenericClient client = fhir();
    Patient patient = patient(uniqueSystem(), "hist-1", "First");
    String id = client.create().resource(patient).execute().getId().getIdPart();
    patient.setId(id);
    patient.getNameFirstRep().setFamily("Second");
    client.update().resource(patient).execute();

    Bundle history =
        client.history().onInstance("Patient/" + id).returnBundle(Bundle.class).execute();

    assertThat(history.getEntry()).hasSize(2);
    assertThat(history.getEntry())
        .extracting(entry -> ((Patient) entry.getResource()).getNameFirstRep().getFamily())
        .containsExactly("Second", "First");
  }

  @Test
  void searchFindsPatientsByIdentifierAndIncludesAndRevincludesTheirObservations() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    String patientId =
        client.create().resource(patient(system, "inc-1", "Include")).execute().getId().getIdPart();
    client.create().resource(observation(patientId, "weekly check-in")).execute();

    Bundle patients =
        client
            .search()
            .byUrl("Patient?identifier=" + system + "|inc-1&_revinclude=Observation:subject")
            .returnBundle(Bundle.class)
            .execute();
    Bundle observations =
        client
            .search()
            .byUrl("Observation?subject=Patient/" + patientId + "&_include=Observation:subject")
            .returnBundle(Bundle.class)
            .execute();

    assertThat(resourceTypes(patients)).containsExactlyInAnyOrder("Patient", "Observation");
    assertThat(resourceTypes(observations)).containsExactlyInAnyOrder("Observation", "Patient");
  }

  @Test
  void conditionalCreateReturnsTheExistingResourceInsteadOfADuplicate() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    String match = "Patient?identifier=" + system + "|cond-1";

    MethodOutcome first =
        client
            .create()
            .resource(patient(system, "cond-1", "Once"))
            .conditionalByUrl(match)
            .execute();
    MethodOutcome second =
        client
            .create()
            .resource(patient(system, "cond-1", "Twice"))
            .conditionalByUrl(match)
            .execute();

    assertThat(first.getCreated()).isTrue();
    assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(countMatches(client, match)).isEqualTo(1);
  }

  @Test
  void conditionalUpdateCreatesOnFirstCallAndUpdatesTheSameResourceAfterwards() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    String match = "Patient?identifier=" + system + "|cu-1";

    MethodOutcome created =
        client
            .update()
            .resource(patient(system, "cu-1", "Before"))
            .conditionalByUrl(match)
            .execute();
    MethodOutcome updated =
        client
            .update()
            .resource(patient(system, "cu-1", "After"))
            .conditionalByUrl(match)
            .execute();

    assertThat(updated.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
    assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
    Patient current =
        client
            .read()
            .resource(Patient.class)
            .withId(created.getId().toUnqualifiedVersionless())
            .execute();
    assertThat(current.getNameFirstRep().getFamily()).isEqualTo("After");
  }

  @Test
  void batchProcessesEachEntryOnItsOwnSoOneFailureDoesNotStopTheOthers() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch
        .addEntry()
        .setResource(patient(system, "batch-ok", "Fine"))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    batch
        .addEntry()
        .setResource(observation("does-not-exist-" + System.nanoTime(), "orphan"))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Observation");

    Bundle response = client.transaction().withBundle(batch).execute();

    assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
    assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("400");
    assertThat(response.getEntry().get(1).getResponse().getOutcome()).isNotNull();
    assertThat(countMatches(client, "Patient?identifier=" + system + "|batch-ok")).isEqualTo(1);
  }

  @Test
  void patientEverythingReturnsThePatientAndTheirRecords() {
    IGenericClient client = fhir();
    String patientId =
        client
            .create()
            .resource(patient(uniqueSystem(), "ev-1", "Everything"))
            .execute()
            .getId()
            .getIdPart();
    client.create().resource(observation(patientId, "housing status")).execute();

    Bundle everything =
        client
            .operation()
            .onInstance("Patient/" + patientId)
            .named("$everything")
            .withNoParameters(Parameters.class)
            .returnResourceType(Bundle.class)
            .execute();

    assertThat(resourceTypes(everything)).contains("Patient", "Observation");
  }

  static Patient patient(String system, String value, String family) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue(value);
    patient.addName().setFamily(family);
    return patient;
  }

  static Observation observation(String patientId, String text) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.getCode().setText(text);
    observation.setSubject(new Reference("Patient/" + patientId));
    return observation;
  }

  static List<String> resourceTypes(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .map(IBaseResource::fhirType)
        .toList();
  }

  static int countMatches(IGenericClient client, String searchUrl) {
    return client.search().byUrl(searchUrl).returnBundle(Bundle.class).execute().getEntry().size();
  }
}
