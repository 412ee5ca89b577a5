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
import java.time.Duration;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.employment.EmploymentReferral;
import org.continuumcare.routes.housing.HousingReferral;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: a referral written over the FHIR API -> relay outbox -> partner JSON adapter -> the
 * partner's API (WireMock), for the housing and the employment partner.
 */
class PartnerOutboundIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static WireMockServer partner;

  @BeforeAll
  static void startPartner() {
    partner = new WireMockServer(options().dynamicPort());
    partner.start();
  }

  @AfterAll
  static void stopPartner() {
    partner.stop();
  }

  /** An active partner JSON Endpoint of {@code organization} at WireMock path {@code path}. */
  private void endpoint(String organization, String connectionType, String path) {
    Endpoint endpoint = new Endpoint();
    endpoint.setId("it-" + organization + "-json");
    endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
    endpoint.setConnectionType(
        new Coding(PartnerJsonAdapter.ENDPOINT_CONNECTION_TYPE, connectionType, null));
    endpoint.addPayloadType(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "any", null)));
    endpoint.addPayloadMimeType("application/json");
    endpoint.setAddress(partner.baseUrl() + path);
    endpoint.setManagingOrganization(new Reference("Organization/" + organization));
    fhir().update().resource(endpoint).execute();
  }

  private JsonNode awaitReferral(String path, String taskId, String status) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              List<LoggedRequest> sent = partner.findAll(postRequestedFor(urlPathEqualTo(path)));
              for (LoggedRequest request : sent) {
                JsonNode body = JSON.readTree(request.getBodyAsString());
                if (taskId.equals(body.path("referralId").asText())
                    && status.equals(body.path("status").asText())) {
                  assertThat(request.getHeader("Idempotency-Key")).isNotBlank();
                  assertThat(request.getHeader("X-Request-ID")).isNotBlank();
                  assertThat(request.getHeader("Content-Type")).startsWith("application/json");
                  return body;
                }
              }
              return null;
            },
            body -> body != null);
  }

  @Test
  void housingReferralReachesTheHousingPartnerAsItsJsonAndACancellationFollows() {
    ReferralData.organizations(fhir());
    partner.stubFor(
        post(urlPathEqualTo("/housing/referrals")).willReturn(aResponse().withStatus(202)));
    endpoint("demo-housing", HousingReferral.CONNECTION_TYPE, "/housing/referrals");
    String system = uniqueSystem();

    String taskId =
        ReferralData.referralTask(
            fhir(), system, "H-" + System.nanoTime(), "demo-housing", TaskStatus.REQUESTED);

    JsonNode sent = awaitReferral("/housing/referrals", taskId, "requested");
    assertThat(sent.path("schemaVersion").asText()).isEqualTo("1.0");
    assertThat(sent.path("requestedService").asText()).isEqualTo("Recovery housing placement");
    assertThat(sent.path("categories").get(0).asText()).isEqualTo("housing-instability");
    assertThat(sent.path("person").path("familyName").asText()).isEqualTo("Tester");
    assertThat(sent.path("person").path("identifiers").toString())
        .contains(ReferralData.HMIS_PERSONAL_ID);
    assertThat(sent.has("reasons")).isFalse();

    Task task = fhir().read().resource(Task.class).withId(taskId).execute();
    task.setStatus(TaskStatus.CANCELLED);
    task.setStatusReason(new org.hl7.fhir.r4.model.CodeableConcept().setText("Withdrawn"));
    fhir().update().resource(task).execute();

    awaitReferral("/housing/referrals", taskId, "cancelled");
  }

  @Test
  void employmentReferralReachesTheEmploymentPartnerAsItsJson() {
    ReferralData.organizations(fhir());
    partner.stubFor(
        post(urlPathEqualTo("/jobs/api/referrals"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"J1\"}")));
    endpoint("demo-employment", EmploymentReferral.CONNECTION_TYPE, "/jobs/api/referrals");

    String taskId =
        ReferralData.referralTask(
            fhir(), uniqueSystem(), null, "demo-employment", TaskStatus.REQUESTED);

    JsonNode sent = awaitReferral("/jobs/api/referrals", taskId, "requested");
    assertThat(sent.path("requestedService").asText()).isEqualTo("Supported employment");
    assertThat(sent.path("availableFrom").asText()).isEqualTo("2026-02-01");
  }
}
