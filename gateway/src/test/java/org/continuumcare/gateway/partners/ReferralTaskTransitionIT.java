package org.continuumcare.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.referral.ReferralOutcome;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referral lifecycle enforced on PUT Task over REST. */
class ReferralTaskTransitionIT extends GatewayIntegrationTest {

  private static final String BUSINESS_STATUS =
      "https://continuumcare.org/fhir/CodeSystem/referral-business-status";

  @BeforeEach
  void organizations() {
    ReferralData.organizations(fhir());
  }

  private Task stored(TaskStatus status) {
    String id = ReferralData.referralTask(fhir(), uniqueSystem(), null, "demo-housing", status);
    return fhir().read().resource(Task.class).withId(id).execute();
  }

  /**
   * Every issue's diagnostics: the profile's invariants (rt-1, rt-2) or the lifecycle guard,
   * whichever runs first, say what is missing.
   */
  private static String diagnostics(UnprocessableEntityException e) {
    return ((OperationOutcome) e.getOperationOutcome())
        .getIssue().stream()
            .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
            .reduce("", (a, b) -> a + "\n" + b);
  }

  private ServiceRequest referralOf(Task task) {
    return fhir()
        .read()
        .resource(ServiceRequest.class)
        .withId(task.getFocus().getReferenceElement().getIdPart())
        .execute();
  }

  private Task put(String client, Task task, TaskStatus status) {
    task.setStatus(status);
    fhirAs(client).update().resource(task).execute();
    return fhirAs(client)
        .read()
        .resource(Task.class)
        .withId(task.getIdElement().getIdPart())
        .execute();
  }

  @Test
  void partnerWalksTheReferralThroughItsLegalStatusesAndTheReferralCompletesWithIt() {
    Task task = stored(TaskStatus.REQUESTED);
    task.setBusinessStatus(
        new CodeableConcept(new Coding(BUSINESS_STATUS, "received", null))); // not a status
    task = put("demo-housing", task, TaskStatus.REQUESTED);
    task = put("demo-housing", task, TaskStatus.ACCEPTED);
    task = put("demo-housing", task, TaskStatus.INPROGRESS);
    ReferralOutcome.setResultingActivity(task, new Reference(task.getFocus().getReference()));
    task = put("demo-housing", task, TaskStatus.COMPLETED);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.getIdElement().getVersionIdPart()).isEqualTo("5");
    assertThat(referralOf(task).getStatus()).isEqualTo(ServiceRequestStatus.COMPLETED);
  }

  @Test
  void theStatusReceivedIsRefusedAsOutsideTheSdohccLifecycle() {
    Task task = stored(TaskStatus.REQUESTED);
    task.setStatus(TaskStatus.RECEIVED);

    assertThatThrownBy(() -> fhirAs("demo-housing").update().resource(task).execute())
        .isInstanceOf(UnprocessableEntityException.class);
  }

  @Test
  void aRejectionWithoutAReasonIs422SayingAReasonIsNeeded() {
    Task task = stored(TaskStatus.REQUESTED);
    task.setStatus(TaskStatus.REJECTED);

    assertThatThrownBy(() -> fhirAs("demo-housing").update().resource(task).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(diagnostics(e)).contains("statusReason"));
  }

  @Test
  void completionWithoutAResultingActivityIs422SayingOneIsNeeded() {
    Task task = stored(TaskStatus.INPROGRESS);
    task.setStatus(TaskStatus.COMPLETED);

    assertThatThrownBy(() -> fhirAs("demo-housing").update().resource(task).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> assertThat(diagnostics(e)).contains("resulting-activity"));
    assertThat(referralOf(task).getStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
  }

  @Test
  void illegalTransitionIsRefusedWith422NamingTheAllowedOnesAndNothingChanges() {
    Task task = stored(TaskStatus.REQUESTED);
    String id = task.getIdElement().getIdPart();
    task.setStatus(TaskStatus.COMPLETED);
    ReferralOutcome.setResultingActivity(task, new Reference(task.getFocus().getReference()));

    assertThatThrownBy(() -> fhir().update().resource(task).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDiagnostics())
                  .contains("requested -> completed is not allowed")
                  .contains("allowed from requested")
                  .contains("accepted, cancelled, rejected");
            });
    assertThat(fhir().read().resource(Task.class).withId(id).execute().getStatus())
        .isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void finalTaskCannotBeReopened() throws Exception {
    Task task = stored(TaskStatus.COMPLETED);
    task.setStatus(TaskStatus.INPROGRESS);
    HttpResponse<String> response =
        http(
            request("/fhir/Task/" + task.getIdElement().getIdPart())
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(task))));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("OperationOutcome")
        .contains("completed -> in-progress")
        .contains("entered-in-error");
  }

  @Test
  void requesterCancelsAnOpenReferralWithAReasonAndTheReferralIsRevoked() {
    Task task = stored(TaskStatus.ACCEPTED);
    task.setStatusReason(new CodeableConcept().setText("Moved out of the area"));
    Task cancelled = put(ADMIN, task, TaskStatus.CANCELLED);
    assertThat(cancelled.getStatus()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(cancelled.getStatusReason().getText()).isEqualTo("Moved out of the area");
    assertThat(referralOf(cancelled).getStatus()).isEqualTo(ServiceRequestStatus.REVOKED);
  }

  @Test
  void refusalIsAuditedWithoutTheTaskBody() {
    Task task = stored(TaskStatus.REQUESTED);
    String id = task.getIdElement().getIdPart();
    task.setStatus(TaskStatus.DRAFT);
    assertThatThrownBy(() -> fhir().update().resource(task).execute())
        .isInstanceOf(UnprocessableEntityException.class);

    Bundle audits =
        fhir()
            .search()
            .forResource(AuditEvent.class)
            .where(AuditEvent.ENTITY.hasId("Task/" + id))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(audits.getEntry())
        .singleElement()
        .satisfies(
            entry -> {
              AuditEvent event = (AuditEvent) entry.getResource();
              assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
              assertThat(event.getOutcomeDesc()).startsWith("refused (HTTP 422)");
              assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("fhir-task-update");
            });
  }

  @Test
  void businessStatusOnlyUpdateIsNotATransition() {
    Task task = stored(TaskStatus.ACCEPTED);
    task.setBusinessStatus(
        new org.hl7.fhir.r4.model.CodeableConcept(
            new org.hl7.fhir.r4.model.Coding(
                "https://continuumcare.org/fhir/CodeSystem/referral-business-status",
                "waitlisted",
                null)));
    Task updated = put("demo-housing", task, TaskStatus.ACCEPTED);
    assertThat(updated.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("waitlisted");
  }
}
