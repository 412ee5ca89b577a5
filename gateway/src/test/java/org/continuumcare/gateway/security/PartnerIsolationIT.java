package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner sees and changes only what is addressed to it, through every path a FHIR client has:
 * search, read, include, revinclude, history, paging, $everything and writes. The records are
 * written by the administrator, so they carry no SUD labels: what a partner sees of labelled
 * records also depends on consent (ConsentIT).
 */
class PartnerIsolationIT extends GatewayIntegrationTest {

  private static final String HOUSING = "demo-housing";
  private static final String EMPLOYMENT = "demo-employment";

  private String system;
  private IIdType housingPatient;
  private IIdType employmentPatient;
  private IIdType housingReferral;
  private IIdType employmentReferral;
  private IIdType housingTask;
  private IIdType employmentTask;

  @BeforeEach
  void referralsToTwoPartners() {
    for (String id : List.of("demo-treatment", HOUSING, EMPLOYMENT)) {
      Organization organization = new Organization().setName(id).setActive(true);
      organization.setId("Organization/" + id);
      fhir().update().resource(organization).execute();
    }
    system = uniqueSystem();
    housingPatient = patient("housing-client");
    employmentPatient = patient("employment-client");
    housingReferral = referral(housingPatient, HOUSING, "sr-housing");
    employmentReferral = referral(employmentPatient, EMPLOYMENT, "sr-employment");
    housingTask = task(housingReferral, housingPatient, HOUSING, "task-housing");
    // Addressed to employment but about the housing referral: a partner must not reach it through
    // the referral.
    employmentTask = task(housingReferral, housingPatient, EMPLOYMENT, "task-employment");
  }

  private IIdType patient(String value) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue(value);
    patient.addName().setFamily("Reyes").addGiven(value);
    patient.addContact().addTelecom().setValue("contact-phone-" + value);
    patient
        .addExtension()
        .setUrl("http://example.org/clinical-note")
        .setValue(new StringType("private"));
    return fhir().create().resource(patient).execute().getId().toUnqualifiedVersionless();
  }

  private IIdType referral(IIdType patient, String partner, String value) {
    ServiceRequest referral = new ServiceRequest();
    referral.addIdentifier().setSystem(system).setValue(value);
    referral
        .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(new Reference(patient));
    referral.setRequester(new Reference("Organization/demo-treatment"));
    referral.addPerformer(new Reference("Organization/" + partner));
    return fhir().create().resource(referral).execute().getId().toUnqualifiedVersionless();
  }

  private IIdType task(IIdType referral, IIdType patient, String owner, String value) {
    Task task = new Task();
    task.addIdentifier().setSystem(system).setValue(value);
    task.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
    task.setFocus(new Reference(referral));
    task.setFor(new Reference(patient));
    task.setRequester(new Reference("Organization/demo-treatment"));
    task.setOwner(new Reference("Organization/" + owner));
    return fhir().create().resource(task).execute().getId().toUnqualifiedVersionless();
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .toList();
  }

  @Test
  void aPartnerSearchFindsOnlyTheReferralsAddressedToIt() {
    Bundle found =
        fhirAs(HOUSING)
            .search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.IDENTIFIER.hasSystemWithAnyCode(system))
            .returnBundle(Bundle.class)
            .execute();

    assertThat(ids(found)).containsExactly(housingReferral.getValue());
    assertThat(found.hasTotal()).as("no total that could count hidden resources").isFalse();
  }

  @Test
  void aPartnerCannotReadAnotherPartnersReferralOrTaskAndCannotTellThemFromMissingOnes() {
    assertThatThrownBy(
            () ->
                fhirAs(HOUSING)
                    .read()
                    .resource(ServiceRequest.class)
                    .withId(employmentReferral)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> fhirAs(HOUSING).read().resource(Task.class).withId(employmentTask).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                fhirAs(HOUSING)
                    .read()
                    .resource(Task.class)
                    .withId("does-not-exist-" + system.hashCode())
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(
            fhirAs(EMPLOYMENT)
                .read()
                .resource(ServiceRequest.class)
                .withId(employmentReferral)
                .execute())
        .isNotNull();
  }

  @Test
  void includesAndRevincludesNeverBringInAnotherPartnersResources() {
    Bundle tasks =
        fhirAs(EMPLOYMENT)
            .search()
            .forResource(Task.class)
            .where(Task.IDENTIFIER.hasSystemWithAnyCode(system))
            .include(Task.INCLUDE_FOCUS)
            .include(Task.INCLUDE_OWNER)
            .include(Task.INCLUDE_PATIENT)
            .returnBundle(Bundle.class)
            .execute();
    // Its own Task and the person it is about (a Task addressed to it makes the person visible,
    // in minimum form), not the housing referral it points at nor the housing Task.
    assertThat(ids(tasks))
        .contains(employmentTask.getValue(), housingPatient.getValue())
        .doesNotContain(housingReferral.getValue(), housingTask.getValue());

    Bundle referrals =
        fhirAs(HOUSING)
            .search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.IDENTIFIER.hasSystemWithAnyCode(system))
            .revInclude(Task.INCLUDE_FOCUS)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(referrals))
        .contains(housingReferral.getValue(), housingTask.getValue())
        .doesNotContain(employmentTask.getValue());
  }

  @Test
  void aPartnerSeesOnlyItsOwnClientsInMinimumForm() {
    Bundle patients =
        fhirAs(HOUSING)
            .search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.hasSystemWithAnyCode(system))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(patients)).containsExactly(housingPatient.getValue());

    Patient seen = fhirAs(HOUSING).read().resource(Patient.class).withId(housingPatient).execute();
    assertThat(seen.getNameFirstRep().getFamily()).isEqualTo("Reyes");
    assertThat(seen.getContact()).isEmpty();
    assertThat(seen.getExtension()).isEmpty();
    assertThatThrownBy(
            () ->
                fhirAs(HOUSING).read().resource(Patient.class).withId(employmentPatient).execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void historyAndEverythingAreClosedToPartners() {
    assertThatThrownBy(
            () ->
                fhirAs(HOUSING)
                    .history()
                    .onType(ServiceRequest.class)
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () -> fhirAs(HOUSING).history().onServer().returnBundle(Bundle.class).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThatThrownBy(
            () ->
                fhirAs(HOUSING)
                    .operation()
                    .onInstance(housingPatient)
                    .named("$everything")
                    .withNoParameters(Parameters.class)
                    .returnResourceType(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);

    // Another partner's referral has no history for it: answered as for a missing record.
    assertThatThrownBy(
            () ->
                fhirAs(HOUSING)
                    .history()
                    .onInstance(employmentReferral)
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(
            fhirAs(HOUSING)
                .history()
                .onInstance(housingReferral)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isNotEmpty();
  }

  @Test
  void pagesOfAPartnersSearchHoldOnlyItsResourcesAndMeanNothingToAnotherPartner() {
    for (int i = 0; i < 3; i++) {
      referral(housingPatient, HOUSING, "more-housing-" + i);
      referral(employmentPatient, EMPLOYMENT, "more-employment-" + i);
    }
    IGenericClient housing = fhirAs(HOUSING);
    Bundle page =
        housing
            .search()
            .forResource(ServiceRequest.class)
            .where(ServiceRequest.IDENTIFIER.hasSystemWithAnyCode(system))
            .count(2)
            .returnBundle(Bundle.class)
            .execute();
    List<String> seen = new ArrayList<>(ids(page));
    String secondPage = page.getLink(Bundle.LINK_NEXT).getUrl();
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = housing.loadPage().next(page).execute();
      seen.addAll(ids(page));
    }
    assertThat(seen).hasSize(4).doesNotContain(employmentReferral.getValue());

    Bundle stolen =
        fhirAs(EMPLOYMENT).loadPage().byUrl(secondPage).andReturnBundle(Bundle.class).execute();
    assertThat(stolen.getEntry()).noneMatch(entry -> entry.getResource() instanceof ServiceRequest);
  }

  @Test
  void aPartnerUpdatesItsOwnTaskButNeitherAnotherPartnersNorTheOwnerOfItsOwn() {
    Task own = fhirAs(HOUSING).read().resource(Task.class).withId(housingTask).execute();
    own.setStatus(Task.TaskStatus.ACCEPTED);
    assertThat(fhirAs(HOUSING).update().resource(own).execute().getId().getVersionIdPart())
        .isEqualTo("2");

    Task other = fhir().read().resource(Task.class).withId(employmentTask).execute();
    other.setStatus(Task.TaskStatus.REJECTED);
    other.setStatusReason(new org.hl7.fhir.r4.model.CodeableConcept().setText("Not eligible"));
    // Not visible to housing: answered as for a Task that does not exist.
    assertThatThrownBy(() -> fhirAs(HOUSING).update().resource(other).execute())
        .isInstanceOf(ResourceNotFoundException.class);

    Task handOver = fhirAs(HOUSING).read().resource(Task.class).withId(housingTask).execute();
    handOver.setOwner(new Reference("Organization/" + EMPLOYMENT));
    assertThatThrownBy(() -> fhirAs(HOUSING).update().resource(handOver).execute())
        .isInstanceOf(ForbiddenOperationException.class);

    assertThat(fhir().read().resource(Task.class).withId(employmentTask).execute().getStatus())
        .isEqualTo(Task.TaskStatus.REQUESTED);
  }

  @Test
  void aPartnerCannotCreateATaskByUpdatingAnUnknownId() {
    Task planted = new Task();
    planted.setId("Task/planted-" + Math.abs(system.hashCode()));
    planted.setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
    planted.setOwner(new Reference("Organization/" + HOUSING));

    // Answered as an update of a record the partner may not see: 404, whether the id exists or not.
    assertThatThrownBy(() -> fhirAs(HOUSING).update().resource(planted).execute())
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                fhir()
                    .read()
                    .resource(Task.class)
                    .withId(planted.getIdElement().getIdPart())
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aPartnerSeesOnlyTheObservationsItRecorded() {
    Observation mine = new Observation();
    mine.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("housing status");
    mine.setSubject(new Reference(housingPatient));
    mine.addPerformer(new Reference("Organization/" + HOUSING));
    mine.addIdentifier().setSystem(system).setValue("obs-housing");
    Resource created = (Resource) fhirAs(HOUSING).create().resource(mine).execute().getResource();
    Observation clinical = new Observation();
    clinical.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("clinical");
    clinical.setSubject(new Reference(housingPatient));
    clinical.addIdentifier().setSystem(system).setValue("obs-clinical");
    fhir().create().resource(clinical).execute();

    Bundle found =
        fhirAs(HOUSING)
            .search()
            .forResource(Observation.class)
            .where(Observation.IDENTIFIER.hasSystemWithAnyCode(system))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry())
        .extracting(entry -> ((Observation) entry.getResource()).getIdentifierFirstRep().getValue())
        .containsExactly("obs-housing");
    assertThat(created == null || created.getIdElement() != null).isTrue();
  }
}
