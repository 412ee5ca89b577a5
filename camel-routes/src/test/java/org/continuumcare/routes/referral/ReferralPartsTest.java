package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class ReferralPartsTest {

  @Test
  void acceptsATaskWhoseFocusIsTheReferralOfThatPatient() {
    ReferralParts parts =
        new ReferralParts(
            ReferralFixtures.housingReferral(),
            ReferralFixtures.task("task-1", "jordan-referral-housing"),
            ReferralFixtures.jordan());

    assertThat(parts.taskId()).isEqualTo("task-1");
    assertThat(parts.referralId()).isEqualTo("jordan-referral-housing");
  }

  @Test
  void refusesATaskFocusedOnAnotherReferral() {
    assertThatThrownBy(
            () ->
                new ReferralParts(
                    ReferralFixtures.housingReferral(),
                    ReferralFixtures.task("task-1", "other"),
                    ReferralFixtures.jordan()))
        .isInstanceOf(ReferralMappingException.class)
        .hasMessage("Task/task-1 focus is not ServiceRequest/jordan-referral-housing");
  }

  @Test
  void refusesAReferralAboutSomeoneElse() {
    ServiceRequest sr =
        ReferralFixtures.housingReferral().setSubject(new Reference("Patient/maria-reyes"));

    assertThatThrownBy(
            () ->
                new ReferralParts(
                    sr,
                    ReferralFixtures.task("task-1", "jordan-referral-housing"),
                    ReferralFixtures.jordan()))
        .hasMessage("ServiceRequest/jordan-referral-housing subject is not Patient/jordan-reyes");
  }

  @Test
  void refusesATaskForSomeoneElse() {
    Task task = ReferralFixtures.task("task-1", "jordan-referral-housing");
    task.setFor(new Reference("Patient/maria-reyes"));

    assertThatThrownBy(
            () ->
                new ReferralParts(
                    ReferralFixtures.housingReferral(), task, ReferralFixtures.jordan()))
        .hasMessage("Task/task-1 is for another person than Patient/jordan-reyes");
  }
}
