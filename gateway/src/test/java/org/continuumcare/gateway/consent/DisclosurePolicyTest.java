package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class DisclosurePolicyTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void patientOfAReferralIsItsSubjectNotItsOrganizationPerformer() {
    ServiceRequest referral = new ServiceRequest().setSubject(new Reference("Patient/p1"));
    referral.addPerformer(new Reference("Organization/o1"));
    referral.getPerformer().add(0, new Reference("Organization/o0"));

    assertThat(DisclosurePolicy.patientOf(FHIR, referral)).contains("p1");
  }

  @Test
  void patientOfATaskIsItsForAndOfAPatientItself() {
    Task task =
        new Task().setFor(new Reference("Patient/p2")).setOwner(new Reference("Organization/o1"));
    Patient patient = new Patient();
    patient.setId("Patient/p3");

    assertThat(DisclosurePolicy.patientOf(FHIR, task)).contains("p2");
    assertThat(DisclosurePolicy.patientOf(FHIR, patient)).contains("p3");
  }
}
