package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;

class ReferralOutcomeTest {

  @Test
  void theReferralCompletesWithItsTaskAndIsRevokedWhenItIsCancelled() {
    assertThat(ReferralOutcome.referralStatusFor(TaskStatus.COMPLETED, ServiceRequestStatus.ACTIVE))
        .contains(ServiceRequestStatus.COMPLETED);
    assertThat(ReferralOutcome.referralStatusFor(TaskStatus.CANCELLED, ServiceRequestStatus.ACTIVE))
        .contains(ServiceRequestStatus.REVOKED);
    assertThat(ReferralOutcome.referralStatusFor(TaskStatus.CANCELLED, ServiceRequestStatus.ONHOLD))
        .contains(ServiceRequestStatus.REVOKED);
  }

  @Test
  void otherTaskStatusesAndEndedReferralsLeaveTheReferralAsItIs() {
    assertThat(ReferralOutcome.referralStatusFor(TaskStatus.REJECTED, ServiceRequestStatus.ACTIVE))
        .isEmpty();
    assertThat(
            ReferralOutcome.referralStatusFor(TaskStatus.INPROGRESS, ServiceRequestStatus.ACTIVE))
        .isEmpty();
    assertThat(
            ReferralOutcome.referralStatusFor(TaskStatus.CANCELLED, ServiceRequestStatus.COMPLETED))
        .isEmpty();
    assertThat(
            ReferralOutcome.referralStatusFor(
                TaskStatus.COMPLETED, ServiceRequestStatus.ENTEREDINERROR))
        .isEmpty();
  }

  @Test
  void aNewResultingActivityReplacesTheEarlierOneAndKeepsOtherOutputs() {
    Task task = new Task();
    task.addOutput().setType(new org.hl7.fhir.r4.model.CodeableConcept().setText("other"));
    ReferralOutcome.setResultingActivity(task, new Reference("ServiceRequest/sr-1"));
    ReferralOutcome.setResultingActivity(task, new Reference("Observation/o-1"));

    assertThat(task.getOutput()).hasSize(2);
    assertThat(((Reference) task.getOutput().get(1).getValue()).getReference())
        .isEqualTo("Observation/o-1");
    assertThat(ReferralOutcome.hasResultingActivity(task)).isTrue();
  }

  @Test
  void onlyRejectedCancelledOnHoldAndFailedNeedAReason() {
    assertThat(TaskStatus.values())
        .filteredOn(ReferralOutcome::needsReason)
        .containsExactlyInAnyOrder(
            TaskStatus.REJECTED, TaskStatus.CANCELLED, TaskStatus.ONHOLD, TaskStatus.FAILED);
  }
}
