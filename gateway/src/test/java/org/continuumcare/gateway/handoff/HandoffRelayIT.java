package org.continuumcare.gateway.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.parser.IParser;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.continuumcare.routes.relay.FhirRestAdapter;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From an HL7 v2 release message to the community treatment provider's FHIR endpoint (WireMock):
 * the relay delivers the treatment referral (ServiceRequest, by performer) and its Task (by owner).
 * Both carry the release day as the relay's deliver-by (nearest release first). The provider's
 * Endpoint exists only while a test runs, so the rest of the suite relays nothing to it.
 */
class HandoffRelayIT extends GatewayIntegrationTest {

  private static WireMockServer provider;

  @Autowired PrisonProperties properties;
  @Autowired PrisonHl7v2Translator translator;
  @Autowired OutboxStore outbox;

  private String path;
  private String endpointId;

  @BeforeAll
  static void startProvider() {
    provider = new WireMockServer(options().dynamicPort());
    provider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop();
  }

  @BeforeEach
  void providerHasAnEndpoint() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
    path = "t" + UUID.randomUUID().toString().substring(0, 8);
    provider.stubFor(put(urlPathMatching("/" + path + "/fhir/.*")).willReturn(aResponse().withStatus(201)));
    Endpoint endpoint = new Endpoint();
    endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
    endpoint.setConnectionType(new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
        FhirRestAdapter.CONNECTION_TYPE, null));
    endpoint.addPayloadType(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "any", null)));
    endpoint.setAddress(provider.baseUrl() + "/" + path + "/fhir");
    endpoint.setManagingOrganization(new Reference("Organization/" + properties.receivingProviderId()));
    endpointId = fhir().create().resource(endpoint).execute().getId().getIdPart();
  }

  @AfterEach
  void providerEndpointOff() {
    Endpoint endpoint = fhir().read().resource(Endpoint.class).withId(endpointId).execute();
    endpoint.setStatus(Endpoint.EndpointStatus.OFF);
    fhir().update().resource(endpoint).execute();
  }

  @Test
  void aV2ReleaseMessageReachesTheTreatmentProviderAsReferralAndTaskDueByTheReleaseDay() throws Exception {
    String message = HandoffHl7v2IT.withUniquePersonId(HandoffFixtures.sample("ADT-A04-01.hl7"));
    ReleaseHandoff handoff = ((Hl7v2Intake.Translated) translator.translate(message)).handoff();
    String handoffId = ReleaseHandoffTransactionMapper.handoffId(handoff);

    HttpResponse<String> response = http(request("/api/handoffs/hl7v2")
        .header("Content-Type", "x-application/hl7-v2+er7")
        .POST(HttpRequest.BodyPublishers.ofString(message)));
    assertThat(HandoffHl7v2IT.msa(response.body())[1]).as(response.body()).isEqualTo("AA");
    // The treatment referral is a SUD record (42 CFR Part 2): it travels under the patient's consent.
    Task created = (Task) fhir().search().forResource(Task.class)
        .where(Task.IDENTIFIER.exactly().systemAndIdentifier(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM,
            handoffId + "-task-treatment"))
        .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntryFirstRep().getResource();
    fhir().create().resource(org.continuumcare.gateway.consent.ConsentFixtures.consent(
        created.getFor().getReferenceElement().getIdPart(), "2026-01-01", "2099-12-31",
        new String[] {"Organization/" + properties.receivingProviderId()}, "COC")).execute();

    IParser json = FHIR.newJsonParser();
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      assertThat(provider.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))))
          .isNotEmpty();
      assertThat(provider.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Task")))).isNotEmpty();
    });

    List<LoggedRequest> referrals = provider.findAll(
        putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest")));
    assertThat(referrals).singleElement().satisfies(sent -> {
      ServiceRequest referral = json.parseResource(ServiceRequest.class, sent.getBodyAsString());
      assertThat(referral.getIdentifier()).anySatisfy(id -> {
        assertThat(id.getSystem()).isEqualTo(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM);
        assertThat(id.getValue()).startsWith(handoffId + "-referral-");
      });
      assertThat(referral.getPerformerFirstRep().getReference())
          .isEqualTo("Organization/" + properties.receivingProviderId());
      assertThat(sent.getHeader("Idempotency-Key")).isNotBlank();
    });
    List<LoggedRequest> tasks = provider.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Task")));
    // One delivery is the new Task (a later one may follow if the not-acknowledged check flags it).
    assertThat(tasks).isNotEmpty().anySatisfy(sent -> {
      Task task = json.parseResource(Task.class, sent.getBodyAsString());
      assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
      assertThat(task.getOwner().getReference()).isEqualTo("Organization/" + properties.receivingProviderId());
      assertThat(task.getFocus().getReference()).startsWith("ServiceRequest/");
    });

    // The outbox rows were due by the start of the release day (release-zone UTC in the suite).
    String taskId = fhir().search().forResource(Task.class)
        .where(Task.IDENTIFIER.exactly().systemAndIdentifier(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM,
            handoffId + "-task-treatment"))
        .returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getEntryFirstRep().getResource()
        .getIdElement().getIdPart();
    List<OutboxEntry> rows = outbox.listForResource("Task", taskId);
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.deliverBy())
        .isEqualTo(handoff.releaseDate().date().atStartOfDay(ZoneOffset.UTC).toInstant()));
  }
}
