package org.continuumcare.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Housing status callbacks and employment outcome webhooks over HTTP, stored through HAPI. */
class PartnerCallbackIT extends GatewayIntegrationTest {

  /** Every refusal these tests provoke is audited: none may be lost. */
  @org.junit.jupiter.api.AfterEach
  void noAuditEventWasLost() throws Exception {
    org.continuumcare.gateway.support.LostAudits.assertNoneLost(this);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void organizations() {
    ReferralData.organizations(fhir());
  }

  private String housingTask(TaskStatus status) {
    return ReferralData.referralTask(fhir(), uniqueSystem(), null, "demo-housing", status);
  }

  private HttpResponse<String> post(String partner, String body) throws Exception {
    return http(
        requestAs(partner, "/api/partners/" + partner + "/status")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String callback(String taskId, String status, String eventTime) {
    return "{\"referralId\":\""
        + taskId
        + "\",\"partnerReferralId\":\"ODH-1\",\"status\":\""
        + status
        + "\",\"eventTime\":\""
        + eventTime
        + "\"}";
  }

  private Task task(String id) {
    return fhir().read().resource(Task.class).withId(id).execute();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void housingCallbackMovesTheTaskAndAReplayChangesNothing() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);

    HttpResponse<String> accepted =
        post("demo-housing", callback(id, "WAITLISTED", "2026-01-06T10:00:00Z"));
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(json(accepted).path("result").asText()).isEqualTo("applied");
    Task task = task(id);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.ACCEPTED);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("waitlisted");

    HttpResponse<String> replay =
        post("demo-housing", callback(id, "WAITLISTED", "2026-01-06T10:00:00Z"));
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(json(replay).path("result").asText()).isEqualTo("ignored-duplicate");
    assertThat(task(id).getIdElement().getVersionIdPart())
        .isEqualTo(task.getIdElement().getVersionIdPart());
  }

  @Test
  void receivedByThePartnerIsABusinessStatusOnARequestedTask() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);

    HttpResponse<String> received =
        post("demo-housing", callback(id, "RECEIVED", "2026-01-06T10:00:00Z"));

    assertThat(received.statusCode()).isEqualTo(200);
    assertThat(json(received).path("result").asText()).isEqualTo("applied");
    Task task = task(id);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.REQUESTED);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("received");
  }

  @Test
  void aDeclineRejectsTheTaskWithAReasonAndLeavesTheReferralOpen() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);

    HttpResponse<String> declined =
        post("demo-housing", callback(id, "DECLINED", "2026-01-06T10:00:00Z"));

    assertThat(declined.statusCode()).isEqualTo(200);
    Task task = task(id);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.REJECTED);
    assertThat(task.getStatusReason().getText()).isNotBlank();
    assertThat(
            fhir()
                .read()
                .resource(ServiceRequest.class)
                .withId(task.getFocus().getReferenceElement().getIdPart())
                .execute()
                .getStatus())
        .isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
  }

  @Test
  void olderCallbackArrivingLateNeverOverwritesTheNewerStatus() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);
    assertThat(post("demo-housing", callback(id, "ACCEPTED", "2026-01-06T10:00:00Z")).statusCode())
        .isEqualTo(200);
    assertThat(
            post("demo-housing", callback(id, "INTAKE_SCHEDULED", "2026-01-08T10:00:00Z"))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> late =
        post("demo-housing", callback(id, "RECEIVED", "2026-01-05T10:00:00Z"));

    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(json(late).path("result").asText()).isEqualTo("ignored-older");
    assertThat(json(late).path("status").asText()).isEqualTo("in-progress");
    assertThat(task(id).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("scheduled");
  }

  @Test
  void unknownReferralIs404AndAudited() throws Exception {
    HttpResponse<String> response =
        post(
            "demo-housing",
            callback("no-such-task-" + System.nanoTime(), "ACCEPTED", "2026-01-06T10:00:00Z"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("type").asText()).endsWith("/unknown-referral");
  }

  @Test
  void unknownPartnerIs404() throws Exception {
    HttpResponse<String> response =
        http(
            request("/api/partners/nobody/status")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        callback("x", "ACCEPTED", "2026-01-06T10:00:00Z"))));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("type").asText()).endsWith("/unknown-partner");
  }

  @Test
  void invalidStatusCodeIs422NamingTheFieldAndChangesNothing() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);

    HttpResponse<String> response =
        post("demo-housing", callback(id, "MOVED_TO_MARS", "2026-01-06T10:00:00Z"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("/status");
    assertThat(task(id).getStatus()).isEqualTo(TaskStatus.REQUESTED);
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
            entry ->
                assertThat(((AuditEvent) entry.getResource()).getOutcomeDesc())
                    .startsWith("refused (HTTP 422)"));
  }

  @Test
  void bodyThatIsNotJsonIs400() throws Exception {
    HttpResponse<String> response = post("demo-housing", "status=ACCEPTED");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("type").asText()).endsWith("/malformed-json");
  }

  @Test
  void callbackForATaskOwnedByAnotherPartnerAnswersAsForAnUnknownTask() throws Exception {
    String employmentTask =
        ReferralData.referralTask(
            fhir(), uniqueSystem(), null, "demo-employment", TaskStatus.REQUESTED);

    HttpResponse<String> response =
        post("demo-housing", callback(employmentTask, "ACCEPTED", "2026-01-06T10:00:00Z"));
    HttpResponse<String> unknown =
        post("demo-housing", callback("987654321", "ACCEPTED", "2026-01-06T10:00:00Z"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body().replace(employmentTask, "<id>"))
        .isEqualTo(unknown.body().replace("987654321", "<id>"));
    assertThat(task(employmentTask).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void illegalTransitionIs422NamingTheAllowedOnes() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);

    HttpResponse<String> response =
        post("demo-housing", callback(id, "HOUSED", "2026-01-06T10:00:00Z"));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("detail").asText())
        .contains("requested -> completed is not allowed for the recipient")
        .contains("accepted, cancelled, rejected");
    assertThat(task(id).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void employmentJobPlacementCompletesTheTaskAndRecordsEmploymentStatusOnce() throws Exception {
    String id =
        ReferralData.referralTask(
            fhir(), uniqueSystem(), null, "demo-employment", TaskStatus.ACCEPTED);
    String enrolled =
        "{\"referralId\":\""
            + id
            + "\",\"outcome\":\"enrolled\","
            + "\"eventTime\":\"2026-01-10T09:00:00Z\"}";
    String placed =
        "{\"referralId\":\""
            + id
            + "\",\"partnerReferralId\":\"JOBS-9\","
            + "\"outcome\":\"job-placement-full-time\",\"eventTime\":\"2026-02-04T16:30:00Z\","
            + "\"startDate\":\"2026-02-09\"}";

    assertThat(post("demo-employment", enrolled).statusCode()).isEqualTo(200);
    HttpResponse<String> response = post("demo-employment", placed);
    HttpResponse<String> replay = post("demo-employment", placed);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").asText()).isEqualTo("applied");
    assertThat(json(replay).path("result").asText()).isEqualTo("ignored-duplicate");
    Task task = task(id);
    assertThat(task.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("job-started");
    assertThat(task.getOutput())
        .singleElement()
        .satisfies(
            output -> {
              assertThat(output.getType().getCodingFirstRep().getCode())
                  .isEqualTo("resulting-activity");
              assertThat(((Reference) output.getValue()).getReference())
                  .isEqualTo(json(response).path("observation").asText());
            });
    assertThat(
            fhir()
                .read()
                .resource(ServiceRequest.class)
                .withId(task.getFocus().getReferenceElement().getIdPart())
                .execute()
                .getStatus())
        .isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
    Observation observation =
        fhir()
            .read()
            .resource(Observation.class)
            .withId(json(response).path("observation").asText())
            .execute();
    assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("67875-5");
    assertThat(observation.getValueCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo("LA30136-8");
    Bundle all =
        fhir()
            .search()
            .forResource(Observation.class)
            .where(Observation.BASED_ON.hasId(task.getFocus().getReference()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(all.getEntry()).hasSize(2);
  }

  @Test
  void clientOfAnotherPartnerIs403AndNothingChanges() throws Exception {
    String id = housingTask(TaskStatus.REQUESTED);

    HttpResponse<String> response =
        http(
            requestAs("demo-employment", "/api/partners/demo-housing/status")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        callback(id, "ACCEPTED", "2026-01-06T10:00:00Z"))));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(task(id).getStatus()).isEqualTo(TaskStatus.REQUESTED);
  }

  @Test
  void unauthenticatedCallbackIs401() throws Exception {
    HttpResponse<String> response =
        http(
            anonymousRequest("/api/partners/demo-housing/status")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        callback("x", "ACCEPTED", "2026-01-06T10:00:00Z"))));

    assertThat(response.statusCode()).isEqualTo(401);
  }
}
