package org.continuumcare.gateway.partners;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.LostAudits;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probation / parole service, registered through the partner SPI only: a referral addressed to
 * it reaches its API (WireMock) as its JSON, and its supervision status messages move the
 * ReferralTask through the ConceptMap's statuses.
 */
class ProbationPartnerIT extends GatewayIntegrationTest {

  private static final String PROBATION = "demo-probation";
  private static final String PATH = "/supervision/referrals";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WireMockServer service;

  @BeforeAll
  static void startService() {
    service = new WireMockServer(options().dynamicPort());
    service.start();
  }

  @AfterAll
  static void stopService() {
    service.stop();
  }

  @AfterEach
  void noAuditEventWasLost() throws Exception {
    LostAudits.assertNoneLost(this);
  }

  @BeforeEach
  void organizations() {
    ReferralData.organizations(fhir());
    Organization probation = new Organization();
    probation.setId(PROBATION);
    probation.setActive(true);
    probation.setName("County probation and parole");
    probation.addType(
        new CodeableConcept(
            new Coding(ContinuumTerminology.PARTNER_TYPE, "community-corrections", null)));
    fhir().update().resource(probation).execute();
  }

  private void endpoint() {
    Endpoint endpoint = new Endpoint();
    endpoint.setId("it-demo-probation-json");
    endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
    endpoint.setConnectionType(
        new Coding(PartnerJsonAdapter.ENDPOINT_CONNECTION_TYPE, "continuum-probation-json", null));
    endpoint.addPayloadType(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "any", null)));
    endpoint.addPayloadMimeType("application/json");
    endpoint.setAddress(service.baseUrl() + PATH);
    endpoint.setManagingOrganization(new Reference("Organization/" + PROBATION));
    fhir().update().resource(endpoint).execute();
  }

  private HttpResponse<String> status(String taskId, String code, String eventTime)
      throws Exception {
    String body =
        "{\"referralId\":\""
            + taskId
            + "\",\"partnerCaseId\":\"PAROLE-77\","
            + "\"status\":\""
            + code
            + "\",\"eventTime\":\""
            + eventTime
            + "\"}";
    return http(
        requestAs(PROBATION, "/api/partners/" + PROBATION + "/status")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Task task(String id) {
    return fhir().read().resource(Task.class).withId(id).execute();
  }

  @Test
  void referralReachesTheServiceAsItsJsonWithoutNotes() {
    service.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
    endpoint();

    String taskId =
        ReferralData.referralTask(fhir(), uniqueSystem(), null, PROBATION, TaskStatus.REQUESTED);

    JsonNode sent =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> {
                  List<LoggedRequest> requests =
                      service.findAll(postRequestedFor(urlPathEqualTo(PATH)));
                  for (LoggedRequest request : requests) {
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    if (taskId.equals(body.path("referralId").asText())) {
                      assertThat(request.getHeader("Idempotency-Key")).isNotBlank();
                      assertThat(request.getHeader("X-Request-ID")).isNotBlank();
                      return body;
                    }
                  }
                  return null;
                },
                body -> body != null);
    assertThat(sent.path("schemaVersion").asText()).isEqualTo("1.0");
    assertThat(sent.path("status").asText()).isEqualTo("requested");
    assertThat(sent.path("supervisionFrom").asText()).isEqualTo("2026-02-01");
    assertThat(sent.path("person").path("familyName").asText()).isEqualTo("Tester");
    assertThat(sent.has("note")).isFalse();
  }

  @Test
  void supervisionStatusMovesTheTaskFromReportingThroughBreachToEnded() throws Exception {
    String id =
        ReferralData.referralTask(fhir(), uniqueSystem(), null, PROBATION, TaskStatus.REQUESTED);

    assertThat(status(id, "reporting", "2026-02-02T09:00:00-05:00").statusCode()).isEqualTo(200);
    assertThat(task(id).getStatus()).isEqualTo(TaskStatus.ACCEPTED);
    assertThat(task(id).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("attended");

    assertThat(status(id, "compliant", "2026-03-02T09:00:00-05:00").statusCode()).isEqualTo(200);
    assertThat(status(id, "breach", "2026-04-02T09:00:00-05:00").statusCode()).isEqualTo(200);
    Task breached = task(id);
    assertThat(breached.getStatus()).isEqualTo(TaskStatus.ONHOLD);
    assertThat(breached.getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo("supervision-breach");

    assertThat(status(id, "compliant", "2026-05-02T09:00:00-05:00").statusCode()).isEqualTo(200);
    HttpResponse<String> ended = status(id, "ended", "2026-08-01T09:00:00-05:00");
    assertThat(ended.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ended.body()).path("result").asText()).isEqualTo("applied");
    Task done = task(id);
    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo("fulfilment-completed");
  }

  @Test
  void aStatusOutsideTheSupervisionCodesIs422AndAuditedAndChangesNothing() throws Exception {
    String id =
        ReferralData.referralTask(fhir(), uniqueSystem(), null, PROBATION, TaskStatus.REQUESTED);

    HttpResponse<String> response = status(id, "absconded", "2026-02-02T09:00:00Z");

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
            entry -> {
              AuditEvent event = (AuditEvent) entry.getResource();
              assertThat(event.getSubtypeFirstRep().getCode())
                  .isEqualTo("probation-supervision-status");
              assertThat(event.getOutcomeDesc()).startsWith("refused (HTTP 422)");
            });
  }
}
