package org.continuumcare.gateway.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.PartnerEndpoints;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SUD consent on the relay: a MOUD referral from the prison to a WireMock treatment partner is held
 * until a consent covers the partner and the relay purpose (COC), then delivered.
 */
class ConsentRelayIT extends GatewayIntegrationTest {

  private static WireMockServer partner;

  @Autowired OutboxStore outbox;

  private String path;
  private String partnerId;
  private String patientId;

  @BeforeAll
  static void startPartner() {
    partner = new WireMockServer(options().dynamicPort());
    partner.start();
  }

  @AfterAll
  static void stopPartner() {
    partner.stop();
  }

  @BeforeEach
  void partnerAndPatient() {
    for (String id : List.of("demo-prison", "demo-treatment", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    path = "c" + UUID.randomUUID().toString().substring(0, 8);
    partner.stubFor(
        put(urlPathMatching("/" + path + "/fhir/.*")).willReturn(aResponse().withStatus(200)));
    partnerId =
        fhir()
            .create()
            .resource(new Organization().setName("Treatment partner " + path))
            .execute()
            .getId()
            .getIdPart();
    Endpoint endpoint =
        PartnerEndpoints.fhirRest(partnerId, partner.baseUrl() + "/" + path + "/fhir");
    fhir().create().resource(endpoint).execute();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    patientId = fhir().create().resource(patient).execute().getId().getIdPart();
  }

  private ServiceRequest referral(String category) {
    ServiceRequest request =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setSubject(new Reference("Patient/" + patientId))
            .setRequester(new Reference("Organization/demo-prison"));
    request.addPerformer(new Reference("Organization/" + partnerId));
    if (category != null) {
      request.addCategory(
          new CodeableConcept(
              new Coding(
                  "https://continuumcare.org/fhir/CodeSystem/referral-category", category, null)));
    }
    return request;
  }

  private String task(String referralId) {
    Task task =
        new Task()
            .setStatus(Task.TaskStatus.REQUESTED)
            .setIntent(Task.TaskIntent.ORDER)
            .setFocus(new Reference("ServiceRequest/" + referralId))
            .setFor(new Reference("Patient/" + patientId))
            .setOwner(new Reference("Organization/" + partnerId))
            .setBusinessStatus(
                new CodeableConcept(new Coding(HeldReferrals.SYSTEM, "created", null)));
    return fhir().create().resource(task).execute().getId().getIdPart();
  }

  private OutboxEntry awaitRow(String type, String id, long version, OutboxState state) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                outbox.listForResource(type, id).stream()
                    .filter(e -> e.resourceVersion() == version && e.state() == state)
                    .findFirst()
                    .orElse(null),
            entry -> entry != null);
  }

  private int sent(String type) {
    return partner.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/" + type))).size();
  }

  private String consent(String... purposes) {
    Consent consent =
        ConsentFixtures.consent(
            patientId,
            "2026-01-01",
            "2099-12-31",
            new String[] {"Organization/" + partnerId},
            purposes);
    return fhir()
        .create()
        .resource(consent)
        .execute()
        .getId()
        .toUnqualifiedVersionless()
        .getValue();
  }

  @Test
  void sudReferralIsHeldWithoutConsentAndReleasedWhenTheConsentArrives() {
    String referralId =
        fhir().create().resource(referral("moud-continuation")).execute().getId().getIdPart();
    String taskId = task(referralId);

    OutboxEntry held = awaitRow("ServiceRequest", referralId, 1, OutboxState.HELD);
    awaitRow("Task", taskId, 1, OutboxState.HELD);
    assertThat(held.lastError())
        .contains("42 CFR Part 2")
        .contains("no consent for disclosure")
        .contains("Organization/" + partnerId)
        .contains("COC");
    assertThat(sent("ServiceRequest")).isZero();
    assertThat(sent("Task")).isZero();
    Task marked = fhir().read().resource(Task.class).withId(taskId).execute();
    assertThat(marked.getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo(HeldReferrals.HELD);
    List<AuditEvent> denials = accounting("denial");
    assertThat(denials)
        .isNotEmpty()
        .allSatisfy(
            event -> {
              assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
              assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
                  .isEqualTo(partnerId);
            });

    String consentId = consent("COC");

    awaitRow("ServiceRequest", referralId, 1, OutboxState.DELIVERED);
    awaitRow("Task", taskId, 1, OutboxState.DELIVERED);
    assertThat(sent("ServiceRequest")).isEqualTo(1);
    String relayed =
        partner
            .findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest")))
            .get(0)
            .getBodyAsString();
    assertThat(relayed)
        .as("the notice and the consent's scope travel with the relayed record (42 CFR 2.32)")
        .contains("NORDSCLCD")
        .contains(SecurityLabels.NOTICE_EXTENSION)
        .contains(SecurityLabels.CONSENT_SCOPE_EXTENSION)
        .contains("Disclosed under " + consentId);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                fhir()
                    .read()
                    .resource(Task.class)
                    .withId(taskId)
                    .execute()
                    .getBusinessStatus()
                    .getCodingFirstRep()
                    .getCode(),
            "created"::equals);
    assertThat(accounting("disclosure"))
        .anySatisfy(
            event ->
                assertThat(event.getEntity())
                    .extracting(e -> e.getWhat().getReference())
                    .contains("ServiceRequest/" + referralId + "/_history/1", consentId));
  }

  @Test
  void consentForAnotherPurposeKeepsTheReferralHeld() {
    String referralId =
        fhir().create().resource(referral("treatment-continuation")).execute().getId().getIdPart();
    OutboxEntry held = awaitRow("ServiceRequest", referralId, 1, OutboxState.HELD);

    Instant consentRecorded = Instant.now();
    // Research does not cover the relay's continuity of care (a consent for TREAT would: COC
    // specialises TREAT in the PurposeOfUse hierarchy).
    consent("HRESCH");

    OutboxEntry rechecked =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> outbox.find(held.id()).orElseThrow(),
                entry ->
                    entry.state() == OutboxState.HELD
                        && entry.updatedAt().isAfter(consentRecorded));
    assertThat(rechecked.lastError()).contains("purpose");
    assertThat(sent("ServiceRequest")).isZero();
  }

  @Test
  void referralsThatAreNotSudRecordsTravelWithoutConsent() {
    String referralId = fhir().create().resource(referral(null)).execute().getId().getIdPart();

    awaitRow("ServiceRequest", referralId, 1, OutboxState.DELIVERED);
    assertThat(sent("ServiceRequest")).isEqualTo(1);
  }

  private List<AuditEvent> accounting(String subtype) {
    Bundle bundle =
        fhir()
            .search()
            .byUrl(
                "AuditEvent?patient=Patient/"
                    + patientId
                    + "&subtype="
                    + DisclosureAuditEventMapper.SUBTYPE_SYSTEM
                    + "|"
                    + subtype
                    + "&_count=50")
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
  }
}
