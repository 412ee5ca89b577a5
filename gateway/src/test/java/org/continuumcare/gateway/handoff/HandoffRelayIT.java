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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.PartnerEndpoints;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.continuumcare.routes.relay.FhirRestAdapter;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
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
 * the relay delivers the handoff as a FHIR document (its Composition names the receiving provider),
 * the treatment and MOUD referrals (ServiceRequest, by performer) and their Tasks (by owner), all
 * SUD records held until the patient's consent. All carry the release day as the relay's deliver-by
 * (nearest release first; the handoff a minute ahead of its referrals). The provider's Endpoint
 * exists only while a test runs, so the rest of the suite relays nothing to it.
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
    provider.stubFor(
        put(urlPathMatching("/" + path + "/fhir/.*")).willReturn(aResponse().withStatus(201)));
    Endpoint endpoint =
        PartnerEndpoints.fhirRest(
            properties.receivingProviderId(), provider.baseUrl() + "/" + path + "/fhir");
    endpointId = fhir().create().resource(endpoint).execute().getId().getIdPart();
  }

  @AfterEach
  void providerEndpointOff() {
    Endpoint endpoint = fhir().read().resource(Endpoint.class).withId(endpointId).execute();
    endpoint.setStatus(Endpoint.EndpointStatus.OFF);
    fhir().update().resource(endpoint).execute();
  }

  /**
   * A release (ADT^A03, v2.5.1) with MOUD and naloxone to continue, for a person no other test
   * uses.
   */
  private static String releaseWithMedications() {
    String person = "RCF-" + Long.toString(System.nanoTime(), 36);
    return String.join(
        "\r",
        "MSH|^~\\&|JMS|RIVERSIDE CF^2.16.840.1.113883.3.999^ISO|CONTINUUM|GATEWAY|20261124153000+0000||"
            + "ADT^A03^ADT_A03|CTRL-"
            + person
            + "|P|2.5.1",
        "EVN|A03|20261124153000||PAR",
        "PID|1||" + person + "^^^RCF&2.16.840.1.113883.3.999.1&ISO^MR||Reyes^Jordan^M||19910412|M",
        pv1(),
        "RXE|^^^20261124|4608^Buprenorphine 8 mg / naloxone 2 mg sublingual film^RXNORM|1||film||"
            + "SL1^One film under the tongue once daily|||7|d",
        "RXD|1|1191222^Naloxone 4 mg nasal spray^RXNORM|20261215|1|kit",
        "DG1|1||F11.20^Opioid dependence, uncomplicated^I10C||20240601|F");
  }

  /** PV1 with the unit (3), visit number (19), discharge disposition (36) and release date (45). */
  private static String pv1() {
    String[] fields = new String[46];
    java.util.Arrays.fill(fields, "");
    fields[0] = "PV1";
    fields[1] = "1";
    fields[2] = "I";
    fields[3] = "UNIT-B^12^1^Riverside CF";
    fields[19] = "V-2026-88";
    fields[36] = "01";
    fields[45] = "20261215090000";
    return String.join("|", fields);
  }

  @Test
  void
      aV2ReleaseReachesTheTreatmentProviderAsHandoffDocumentReferralsAndTasksUnderConsentDueByTheReleaseDay()
          throws Exception {
    String message = releaseWithMedications();
    ReleaseHandoff handoff = ((Hl7v2Intake.Translated) translator.translate(message)).handoff();
    String handoffId = ReleaseHandoffTransactionMapper.handoffId(handoff);
    String receiver = "Organization/" + properties.receivingProviderId();

    HttpResponse<String> response =
        http(
            request("/api/handoffs/hl7v2")
                .header("Content-Type", "x-application/hl7-v2+er7")
                .POST(HttpRequest.BodyPublishers.ofString(message)));
    assertThat(HandoffHl7v2IT.msa(response.body())[1]).as(response.body()).isEqualTo("AA");

    // The handoff is a SUD record (42 CFR Part 2) like its referrals: without the patient's consent
    // it
    // is held, and nothing of it reaches the provider.
    String compositionId =
        byHandoffIdentifier(org.hl7.fhir.r4.model.Composition.class, handoffId + "-composition");
    OutboxEntry held =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> outbox.listForResource("Composition", compositionId),
                rows -> rows.stream().anyMatch(row -> row.state() == OutboxState.HELD))
            .get(0);
    assertThat(held.partnerId()).isEqualTo(properties.receivingProviderId());
    assertThat(held.lastError()).contains("42 CFR Part 2");
    assertThat(sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Bundle")))).isEmpty();

    Task created =
        (Task)
            fhir()
                .search()
                .forResource(Task.class)
                .where(
                    Task.IDENTIFIER
                        .exactly()
                        .systemAndIdentifier(
                            PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM, handoffId + "-task-treatment"))
                .returnBundle(Bundle.class)
                .execute()
                .getEntryFirstRep()
                .getResource();
    fhir()
        .create()
        .resource(
            org.continuumcare.gateway.consent.ConsentFixtures.consent(
                created.getFor().getReferenceElement().getIdPart(),
                "2026-01-01",
                "2099-12-31",
                new String[] {receiver},
                "COC"))
        .execute();

    IParser json = FHIR.newJsonParser();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Bundle"))))
                  .isNotEmpty();
              assertThat(sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))))
                  .hasSize(2);
              assertThat(sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Task"))))
                  .isNotEmpty();
            });

    // The handoff: a FHIR document, found again at the provider by the relay's source identifier.
    List<LoggedRequest> documents =
        sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Bundle")));
    assertThat(documents)
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.queryParameter("identifier").firstValue())
                  .isEqualTo(
                      FhirRestAdapter.SOURCE_IDENTIFIER_SYSTEM + "|Composition/" + compositionId);
              Bundle document = json.parseResource(Bundle.class, sent.getBodyAsString());
              assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
              assertThat(document.getMeta().getSecurity())
                  .extracting(Coding::getCode)
                  .contains("42CFRPart2");
              org.hl7.fhir.r4.model.Composition composition =
                  (org.hl7.fhir.r4.model.Composition) document.getEntryFirstRep().getResource();
              assertThat(composition.getIdentifier().getValue())
                  .isEqualTo(handoffId + "-composition");
              assertThat(
                      composition
                          .getExtensionByUrl(PrisonFhir.EXT_RELEASE_DATE)
                          .getExtensionByUrl("date")
                          .getValue()
                          .primitiveValue())
                  .isEqualTo(handoff.releaseDate().date().toString())
                  .isEqualTo("2026-12-15");
              // Addressed to the provider: the same Organization entry the referral Tasks are owned
              // by.
              String addressee =
                  ((Reference)
                          composition
                              .getExtensionByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION)
                              .getValue())
                      .getReference();
              assertThat(resourceAt(document, addressee)).isInstanceOf(Organization.class);
              assertThat(document.getEntry())
                  .extracting(Bundle.BundleEntryComponent::getResource)
                  .filteredOn(Task.class::isInstance)
                  .isNotEmpty()
                  .allSatisfy(
                      task ->
                          assertThat(((Task) task).getOwner().getReference()).isEqualTo(addressee));
              assertThat(addressee).isNotEqualTo(composition.getAuthorFirstRep().getReference());
              assertThat(document.getEntry())
                  .extracting(e -> e.getResource().fhirType())
                  .contains(
                      "Patient",
                      "Encounter",
                      "MedicationStatement",
                      "Condition",
                      "Observation",
                      "ServiceRequest",
                      "Task");
              assertThat(
                      document.getEntry().stream()
                          .map(Bundle.BundleEntryComponent::getResource)
                          .filter(MedicationStatement.class::isInstance)
                          .map(MedicationStatement.class::cast)
                          .map(statement -> statement.getMedicationCodeableConcept().getText()))
                  .containsExactlyInAnyOrder(
                      "Buprenorphine 8 mg / naloxone 2 mg sublingual film",
                      "Naloxone 4 mg nasal spray");
              // Every section entry resolves inside the document.
              composition
                  .getSection()
                  .forEach(
                      section ->
                          section
                              .getEntry()
                              .forEach(
                                  entry ->
                                      assertThat(document.getEntry())
                                          .extracting(Bundle.BundleEntryComponent::getFullUrl)
                                          .contains(entry.getReference())));
              assertThat(sent.getHeader("Idempotency-Key")).isNotBlank();
            });

    List<LoggedRequest> referrals =
        sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest")));
    assertThat(referrals)
        .hasSize(2)
        .allSatisfy(
            sent -> {
              ServiceRequest referral =
                  json.parseResource(ServiceRequest.class, sent.getBodyAsString());
              assertThat(referral.getIdentifier())
                  .anySatisfy(
                      id -> {
                        assertThat(id.getSystem()).isEqualTo(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM);
                        assertThat(id.getValue()).startsWith(handoffId + "-referral-");
                      });
              assertThat(referral.getPerformerFirstRep().getReference()).isEqualTo(receiver);
              assertThat(sent.getHeader("Idempotency-Key")).isNotBlank();
            });
    List<LoggedRequest> tasks = sent(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Task")));
    // One delivery is the new Task (a later one may follow if the not-acknowledged check flags it).
    assertThat(tasks)
        .isNotEmpty()
        .anySatisfy(
            sent -> {
              Task task = json.parseResource(Task.class, sent.getBodyAsString());
              assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
              assertThat(task.getOwner().getReference()).isEqualTo(receiver);
              assertThat(task.getFocus().getReference()).startsWith("ServiceRequest/");
            });

    // Due by the start of the release day (release-zone UTC in the suite); the handoff a minute
    // earlier than its referrals and Tasks, so it is claimed first.
    Instant releaseDay = handoff.releaseDate().date().atStartOfDay(ZoneOffset.UTC).toInstant();
    String taskId = created.getIdElement().getIdPart();
    assertThat(outbox.listForResource("Task", taskId))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.deliverBy()).isEqualTo(releaseDay));
    assertThat(outbox.listForResource("Composition", compositionId))
        .isNotEmpty()
        .allSatisfy(
            row -> {
              assertThat(row.deliverBy()).isEqualTo(releaseDay.minus(Duration.ofMinutes(1)));
              assertThat(row.state()).isEqualTo(OutboxState.DELIVERED);
            });
  }

  private static List<LoggedRequest> sent(
      com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    return provider.findAll(pattern);
  }

  private String byHandoffIdentifier(
      Class<? extends org.hl7.fhir.r4.model.Resource> type, String value) {
    return fhir()
        .search()
        .forResource(type)
        .where(
            new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier")
                .exactly()
                .systemAndIdentifier(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM, value))
        .returnBundle(Bundle.class)
        .execute()
        .getEntryFirstRep()
        .getResource()
        .getIdElement()
        .getIdPart();
  }

  private static org.hl7.fhir.r4.model.Resource resourceAt(Bundle document, String fullUrl) {
    return document.getEntry().stream()
        .filter(e -> fullUrl.equals(e.getFullUrl()))
        .map(Bundle.BundleEntryComponent::getResource)
        .findFirst()
        .orElseThrow();
  }
}
