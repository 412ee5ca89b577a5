package org.continuumcare.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.consent.ConsentFixtures;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.PartnerEndpoints;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordinator console in a real browser (headless chromium): sign-in through the SMART
 * standalone launch and sign-out, and what the release officer, the housing caseworker, the
 * administrator and a user without a role see and do, on data sent through the gateway's own APIs.
 * Every page is checked with axe-core and photographed under {@code target/console-screenshots}.
 */
class ConsoleBrowserIT extends GatewayIntegrationTest {

  private static WireMockServer partner;

  @Autowired OutboxStore outbox;

  private ConsoleBrowser browser;
  private String path;

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
  void browserAndDirectory() {
    browser = ConsoleBrowser.start();
    for (String id :
        List.of(
            "demo-prison",
            "demo-treatment",
            "demo-housing",
            "demo-employment",
            "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    path = "console" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A treatment provider of this test only, whose FHIR Endpoint is the WireMock partner. */
  private String treatmentProvider(int status) {
    partner.stubFor(
        put(urlPathMatching("/" + path + "/fhir/.*")).willReturn(aResponse().withStatus(status)));
    String id = "t" + UUID.randomUUID().toString().substring(0, 8);
    Organization organization = new Organization().setName("Treatment " + id);
    organization.setId(id);
    fhir().update().resource(organization).execute();
    Endpoint endpoint = PartnerEndpoints.fhirRest(id, partner.baseUrl() + "/" + path + "/fhir");
    fhir().create().resource(endpoint).execute();
    return id;
  }

  /** A person known before the handoff (so a consent can name them); returns the Patient id. */
  private String person(String family, String system) {
    org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
    patient.addIdentifier().setSystem(system).setValue("1");
    patient.addName().setFamily(family).addGiven("Sam");
    return fhir().create().resource(patient).execute().getId().getIdPart();
  }

  /** A signed SUD disclosure consent of the person to {@code recipients} for {@code purposes}. */
  private String consent(String patientId, String[] recipients, String... purposes) {
    return fhir()
        .create()
        .resource(
            ConsentFixtures.consent(patientId, "2026-01-01", "2099-12-31", recipients, purposes))
        .execute()
        .getId()
        .getIdPart();
  }

  /** A release handoff in 3 days, sent as the prison's release team, citing the consent. */
  private void handoff(
      String family, String system, String provider, boolean housing, String consentId)
      throws Exception {
    String release = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
    String body =
        """
        {"handoffId": "%s",
         "person": {"identifiers": [{"system": "%s", "value": "1"}],
                    "name": {"family": "%s", "given": ["Sam"]}, "birthDate": "1990-01-01", "sex": "male"},
         "release": {"date": "%s", "confirmed": true, "type": "parole",
                     "facility": {"id": "RCF", "name": "Riverside Correctional Facility"}},
         "needs": {"housing": %s, "employment": false, "peerSupport": false},
         "receivingProvider": {"organizationId": "%s"},
         "consent": {"reference": "Consent/%s"}}
        """
            .formatted(
                "H-" + UUID.randomUUID(), system, family, release, housing, provider, consentId);
    HttpResponse<String> response =
        http(
            requestAs("demo-release-team", "/api/handoffs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private List<Task> tasksOf(String patientId) {
    return fhir()
        .search()
        .forResource(Task.class)
        .where(Task.PATIENT.hasId("Patient/" + patientId))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .stream()
        .map(e -> (Task) e.getResource())
        .toList();
  }

  private Task taskOwnedBy(String patientId, String organization) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                tasksOf(patientId).stream()
                    .filter(
                        t -> ("Organization/" + organization).equals(t.getOwner().getReference()))
                    .findFirst()
                    .orElse(null),
            task -> task != null);
  }

  private void assertAccessible(String page) {
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe-core serious/critical violations on " + page)
        .isEmpty();
    browser.screenshot(page);
  }

  @Test
  void aReleaseOfficerSignsInAndOutAndSignsInAgainWithThePassword() {
    browser.signIn(baseUrl(), "rosa", "rosa-demo");
    assertThat(browser.await(By.id("who-name")).getText()).contains("demo-prison");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
    browser.signOut();
    assertThat(browser.await(By.id("sign-in-message")).getText()).contains("signed out");
    assertAccessible("sign-in");
    browser.await(By.id("sign-in")).click();
    assertThat(browser.await(By.id("password")).isDisplayed()).isTrue();
  }

  @Test
  void releasesShowAReferralHeldForConsentWithItsReasonAndRecordingAConsentDeliversIt()
      throws Exception {
    String provider = treatmentProvider(200);
    String family = "Held" + UUID.randomUUID().toString().substring(0, 6);
    String system = uniqueSystem();
    String patientId = person(family, system);
    // A consent to another organisation only: the referral to the provider is held.
    String treatOnly =
        consent(patientId, new String[] {"Organization/demo-employment"}, "TREAT", "COC");
    handoff(family, system, provider, false, treatOnly);
    Task treatment = taskOwnedBy(patientId, provider);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                fhir()
                    .read()
                    .resource(Task.class)
                    .withId(treatment.getIdElement().getIdPart())
                    .execute()
                    .getBusinessStatus()
                    .getCodingFirstRep()
                    .getCode(),
            "held-for-consent"::equals);
    // The page reads the hold's reason from the relay's AuditEvent, which the relay's audit drainer
    // writes after the hold (within its idle back-off): wait for it as the page would find it.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fhir()
                    .search()
                    .forResource(AuditEvent.class)
                    .where(AuditEvent.ENTITY.hasId("Task/" + treatment.getIdElement().getIdPart()))
                    .returnBundle(Bundle.class)
                    .execute()
                    .getEntry()
                    .stream()
                    .map(e -> (AuditEvent) e.getResource())
                    .anyMatch(
                        e ->
                            e.getOutcome() == AuditEvent.AuditEventOutcome._4
                                && e.getOutcomeDesc() != null
                                && e.getOutcomeDesc().startsWith("held")));

    browser.signIn(baseUrl(), "rosa", "rosa-demo");
    browser.open("releases");
    WebElement row = browser.await(By.xpath("//tr[.//button[contains(., '" + family + "')]]"));
    WebElement referral = row.findElement(By.cssSelector("li[data-state='held']"));
    assertThat(referral.getText()).contains("held for consent").contains("42 CFR Part 2");
    assertThat(row.getText()).contains(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
    assertAccessible("releases");

    row.findElement(By.tagName("button")).click();
    browser.await(By.id("person-name"));
    assertThat(browser.driver.getCurrentUrl()).doesNotContain(patientId);
    browser.await(By.id("consent-form"));
    assertAccessible("person");
    new org.openqa.selenium.support.ui.Select(
            browser.driver.findElement(By.id("consent-recipient")))
        .selectByValue("Organization/" + provider);
    browser.driver.findElement(By.id("consent-submit")).click();
    assertThat(browser.await(By.cssSelector("#status.ok")).getText()).contains("Consent recorded");

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                partner.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/Task"))).size(),
            sent -> sent > 0);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              browser.open("releases");
              WebElement again =
                  browser.await(By.xpath("//tr[.//button[contains(., '" + family + "')]]"));
              return !again.findElements(By.cssSelector("li[data-state='delivered']")).isEmpty();
            });
  }

  @Test
  void aHousingCaseworkerSeesOnlyHerOrganisationsReferralsAcceptsOneAndSeesARefusalsReason()
      throws Exception {
    String provider = treatmentProvider(200);
    String family = "House" + UUID.randomUUID().toString().substring(0, 6);
    String system = uniqueSystem();
    String patientId = person(family, system);
    String consentId =
        consent(
            patientId,
            new String[] {"Organization/" + provider, "Organization/demo-housing"},
            "TREAT",
            "COC");
    handoff(family, system, provider, true, consentId);
    Task housing = taskOwnedBy(patientId, "demo-housing");
    String taskId = housing.getIdElement().getIdPart();

    browser.signIn(baseUrl(), "casey", "casey-demo");
    browser.open("referrals");
    WebElement row = browser.await(By.cssSelector("tr[data-task='" + taskId + "']"));
    for (WebElement shown : browser.driver.findElements(By.cssSelector("tr[data-task]"))) {
      Task task =
          fhir().read().resource(Task.class).withId(shown.getAttribute("data-task")).execute();
      assertThat(task.getOwner().getReference()).isEqualTo("Organization/demo-housing");
    }
    assertAccessible("referrals");
    row.findElement(By.cssSelector("button[data-action='accepted']")).click();
    browser.await(By.cssSelector("tr[data-task='" + taskId + "'][data-status='accepted']"));
    assertThat(fhir().read().resource(Task.class).withId(taskId).execute().getStatus())
        .isEqualTo(Task.TaskStatus.ACCEPTED);

    // Behind the console's back the referrer cancels: the next step is refused, with its reason.
    Task cancelled = fhir().read().resource(Task.class).withId(taskId).execute();
    cancelled.setStatus(Task.TaskStatus.CANCELLED);
    cancelled.getStatusReason().setText("Withdrawn by the referrer");
    fhir().update().resource(cancelled).execute();
    browser
        .await(By.cssSelector("tr[data-task='" + taskId + "'] button[data-action='in-progress']"))
        .click();
    assertThat(browser.await(By.cssSelector("#status.error")).getText())
        .contains("The referral was not changed")
        // The server's own words: the lifecycle does not allow a cancelled referral to start.
        .contains("cancelled");
  }

  @Test
  void anAdministratorReplaysADeadLetter() throws Exception {
    String provider = treatmentProvider(400);
    ServiceRequest request =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.addPerformer(new Reference("Organization/" + provider));
    org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("d");
    String patientId = fhir().create().resource(patient).execute().getId().getIdPart();
    request.setSubject(new Reference("Patient/" + patientId));
    String requestId = fhir().create().resource(request).execute().getId().getIdPart();
    OutboxEntry dead = awaitRow(requestId, OutboxState.DEAD);
    partner.stubFor(
        put(urlPathMatching("/" + path + "/fhir/.*")).willReturn(aResponse().withStatus(200)));

    browser.signIn(baseUrl(), "adam", "adam-demo");
    browser.open("operations");
    WebElement row = browser.await(By.cssSelector("tr[data-entry='" + dead.id() + "']"));
    assertThat(row.getText()).contains(provider).contains("400");
    assertAccessible("operations");
    row.findElement(By.cssSelector("button[data-action='replay']")).click();
    assertThat(browser.await(By.cssSelector("#status.ok")).getText()).contains("Replayed 1");
    awaitRow(requestId, OutboxState.DELIVERED);

    browser.open("measures");
    browser.await(By.cssSelector("figure.chart, main p"));
    assertAccessible("measures");
  }

  @Test
  void aUserWithoutARoleSeesWhyNotABlankPage() {
    browser.signIn(baseUrl(), "nora", "nora-demo");
    assertThat(browser.await(By.id("no-role")).getText()).contains("no role in any organisation");
    assertAccessible("no-role");
  }

  private OutboxEntry awaitRow(String requestId, OutboxState state) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                outbox.listForResource("ServiceRequest", requestId).stream()
                    .filter(e -> e.state() == state)
                    .findFirst()
                    .orElse(null),
            entry -> entry != null);
  }
}
