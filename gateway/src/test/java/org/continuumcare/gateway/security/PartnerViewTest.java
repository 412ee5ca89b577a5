package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class PartnerViewTest {

  @Test
  void aReferralIsAddressedToItsPerformerAndFromItsRequester() {
    ServiceRequest referral = new ServiceRequest();
    referral.addPerformer(new Reference("Organization/demo-housing"));
    referral.setRequester(new Reference("Organization/demo-treatment"));

    assertThat(PartnerView.isAddressedTo(referral, "demo-housing")).isTrue();
    assertThat(PartnerView.isAddressedTo(referral, "demo-treatment")).isTrue();
    assertThat(PartnerView.isAddressedTo(referral, "demo-employment")).isFalse();
  }

  @Test
  void aTaskIsAddressedToItsOwnerOnlyByExactReference() {
    Task task = new Task().setOwner(new Reference("Organization/demo-housing"));

    assertThat(PartnerView.isAddressedTo(task, "demo-housing")).isTrue();
    assertThat(PartnerView.isAddressedTo(task, "demo-housin")).isFalse();
    assertThat(
            PartnerView.isAddressedTo(
                new Task().setOwner(new Reference("Practitioner/demo-housing")), "demo-housing"))
        .isFalse();
    assertThat(PartnerView.isAddressedTo(new Task(), "demo-housing")).isFalse();
  }

  @Test
  void observationsByPerformerAndDirectoryResourcesForAll() {
    assertThat(
            PartnerView.isAddressedTo(
                new Observation().addPerformer(new Reference("Organization/demo-housing")),
                "demo-housing"))
        .isTrue();
    assertThat(PartnerView.isAddressedTo(new Observation(), "demo-housing")).isFalse();
    assertThat(PartnerView.isAddressedTo(new Organization(), "demo-housing")).isTrue();
  }

  @Test
  void theMinimumPatientKeepsWhoAndHowToReachButNothingElse() {
    Patient patient = new Patient();
    patient.setId("Patient/1");
    patient.addIdentifier().setSystem("urn:x").setValue("1");
    patient.addName().setFamily("Reyes");
    patient.addTelecom().setValue("555");
    patient.addAddress().setCity("Springfield");
    patient.addContact().addTelecom().setValue("mother");
    patient.addExtension().setUrl("urn:ext").setValue(new StringType("x"));
    patient.getText().setDivAsString("<div>narrative</div>");
    patient.setManagingOrganization(new Reference("Organization/demo-treatment"));

    Patient minimum = PartnerView.minimumPatient(patient);

    assertThat(minimum.getIdentifierFirstRep().getValue()).isEqualTo("1");
    assertThat(minimum.getNameFirstRep().getFamily()).isEqualTo("Reyes");
    assertThat(minimum.getTelecomFirstRep().getValue()).isEqualTo("555");
    assertThat(minimum.getAddressFirstRep().getCity()).isEqualTo("Springfield");
    assertThat(minimum.getContact()).isEmpty();
    assertThat(minimum.getExtension()).isEmpty();
    assertThat(minimum.hasText()).isFalse();
    assertThat(minimum.hasManagingOrganization()).isFalse();
    assertThat(patient.getContact()).as("the stored resource is untouched").hasSize(1);
  }

  @Test
  void handingATaskToAnotherOwnerOrChangingItsRequesterIsAChangeOfOrganisation() {
    Task before =
        new Task()
            .setOwner(new Reference("Organization/demo-housing"))
            .setRequester(new Reference("Organization/demo-treatment"));

    assertThat(
            PartnerView.changedOrganisations(
                before, before.copy().setStatus(Task.TaskStatus.ACCEPTED)))
        .isEmpty();
    assertThat(
            PartnerView.changedOrganisations(
                before, before.copy().setOwner(new Reference("Organization/demo-employment"))))
        .contains("Task.owner");
    assertThat(
            PartnerView.changedOrganisations(
                before, before.copy().setRequester(new Reference("Organization/demo-housing"))))
        .contains("Task.requester");
    assertThat(
            PartnerView.changedOrganisations(
                before,
                before.copy().setOwner(new Reference("Organization/demo-housing/_history/2"))))
        .as("a version of the same organisation is the same organisation")
        .isEmpty();
  }

  @Test
  void addingAPerformerToAReferralIsAChangeOfOrganisation() {
    ServiceRequest before =
        new ServiceRequest().addPerformer(new Reference("Organization/demo-housing"));
    ServiceRequest after =
        before.copy().addPerformer(new Reference("Organization/demo-employment"));

    assertThat(PartnerView.changedOrganisations(before, after))
        .contains("ServiceRequest.performer");
    assertThat(PartnerView.changedOrganisations(new Observation(), new Observation())).isEmpty();
  }
}
