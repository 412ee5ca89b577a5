package org.continuumcare.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referral lifecycle enforced on PUT Task over REST. */
class ReferralTaskTransitionIT extends GatewayIntegrationTest {

  @BeforeEach
  void organizations() {
    ReferralData.organizations(fhir());
  }

  private Task stored(TaskStatus status) {
    String id = ReferralData.referralTask(fhir(), uniqueSystem(), null, "demo-housing", status);
    return fhir().read().resource(Task.class).withId(id).execute();
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
  void partnerWalksTheReferralThroughItsLegalStatuses() {
    Task task = stored(TaskStatus.REQUESTED);
    task = put("demo-housing", task, TaskStatus.RECEIVED);
    task = put("demo-housing", task, TaskStatus.ACCEPTED);
    task = put("demo-housing", task, TaskStatus.INPROGRESS);
    task = put("demo-housing", task, TaskStatus.COMPLETED);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.getIdElement().getVersionIdPart()).isEqualTo("5");
  }

  @Test
  void illegalTransitionIsRefusedWith422NamingTheAllowedOnesAndNothingChanges() {
    Task task = stored(TaskStatus.REQUESTED);
    String id = task.getIdElement().getIdPart();
    task.setStatus(TaskStatus.COMPLETED);

    assertThatThrownBy(() -> fhir().update().resource(task).execute())
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDiagnostics())
                  .contains("requested -> completed is not allowed")
                  .contains("allowed from requested")
                  .contains("accepted, cancelled, received, rejected");
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
  void requesterCancelsAnOpenReferral() {
    Task task = stored(TaskStatus.ACCEPTED);
    assertThat(put(ADMIN, task, TaskStatus.CANCELLED).getStatus()).isEqualTo(TaskStatus.CANCELLED);
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
