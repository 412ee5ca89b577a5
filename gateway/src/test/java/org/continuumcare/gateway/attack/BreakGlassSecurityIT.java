package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Break-glass access in a medical emergency (42 CFR 2.51): a care-team client that declares it,
 * with a reason, reads a SUD record it may not see otherwise; the disclosure is accounted to the
 * patient with the reason and counted. No one else can use it, and it needs a reason.
 */
class BreakGlassSecurityIT extends GatewayIntegrationTest {

  private static final String HEADER = "X-Break-Glass-Reason";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AttackScenario scenario;

  @BeforeEach
  void scenario() {
    scenario = new AttackScenario(fhir(), fhirAs("demo-ehr"), UUID.randomUUID().toString());
  }

  private HttpResponse<String> read(String caller, String reference, String reason)
      throws Exception {
    HttpRequest.Builder request = requestAs(caller, "/fhir/" + reference).GET();
    if (reason != null) {
      request.header(HEADER, reason);
    }
    return http(request);
  }

  private double breakGlassCount() throws Exception {
    return Metrics.sum(this, "continuum_consent_break_glass_total");
  }

  @Test
  void aCareTeamDeclaringAnEmergencyReadsTheRecordAndTheDisclosureIsAccountedWithItsReason()
      throws Exception {
    double before = breakGlassCount();
    assertThat(read("demo-release-team", scenario.withheldCondition, null).statusCode())
        .as("without it")
        .isEqualTo(404);

    HttpResponse<String> emergency =
        read(
            "demo-release-team",
            scenario.withheldCondition,
            "Unresponsive on release day, suspected opioid overdose");

    assertThat(emergency.statusCode()).isEqualTo(200);
    assertThat(emergency.body()).contains("F11.20").contains("NORDSCLCD");
    assertThat(breakGlassCount()).isEqualTo(before + 1);
    // The disclosure is accounted once HAPI completes the request, which may be after the client
    // has read the response: ask until it is there.
    JsonNode events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    JSON.readTree(
                        http(request(
                                    "/fhir/AuditEvent?patient="
                                        + scenario.withheldPatient
                                        + "&subtype=https://continuumcare.org/fhir/sid/sud-disclosure%7Cdisclosure")
                                .GET())
                            .body()),
                found -> found.path("entry").size() >= 1);
    assertThat(events.path("entry")).hasSize(1);
    JsonNode event = events.path("entry").get(0).path("resource");
    assertThat(event.path("outcome").asText()).isEqualTo("0");
    assertThat(event.path("outcomeDesc").asText())
        .contains("medical emergency (42 CFR 2.51)")
        .contains("demo-release-team")
        .contains("suspected opioid overdose");
    assertThat(event.path("purposeOfEvent").toString()).contains("ETREAT");
  }

  @Test
  void anEmergencyWithoutAReasonIsRefused() throws Exception {
    HttpResponse<String> blank = read("demo-release-team", scenario.withheldCondition, "  ");

    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("OperationOutcome").contains("reason");
  }

  @Test
  void onlyCareTeamsMayDeclareAnEmergency() throws Exception {
    assertThat(read("demo-analyst", scenario.withheldCondition, "curious").statusCode())
        .isEqualTo(403);
    assertThat(read("demo-housing", scenario.withheldReferral, "curious").statusCode())
        .isEqualTo(403);
    assertThat(read("demo-analyst", scenario.withheldCondition, null).statusCode()).isEqualTo(404);
  }
}
