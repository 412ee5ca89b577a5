package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.CapturedLog;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A handoff the FHIR store refuses (bad data of the sender: a reference to nothing, a person two
 * records match) is answered 4xx / AE and logged as one line: never an ERROR with a stack trace.
 */
class HandoffRefusalLoggingIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PrisonHl7v2Translator translator;

  @Test
  void aJsonHandoffNamingAConsentThatDoesNotExistIsOneLineWithoutStackTrace() throws Exception {
    ObjectNode handoff = (ObjectNode) JSON.readTree(HandoffFixtures.jsonExample());
    String person = "RCF-" + UUID.randomUUID();
    ((ObjectNode) handoff.path("person").path("identifiers").get(0)).put("value", person);
    handoff.put("handoffId", "IT-" + person);
    ((ObjectNode) handoff.path("consent")).put("reference", "Consent/missing-" + UUID.randomUUID());
    String requestId = "json-refusal-" + UUID.randomUUID();

    try (CapturedLog log = CapturedLog.capture()) {
      HttpResponse<String> response =
          http(
              requestAs("demo-release-team", "/api/handoffs")
                  .header("X-Request-ID", requestId)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(handoff))));

      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      // Refused before storage since handoffs may cite only their own person's stored records; the
      // store's own refusal is the HL7 case below.
      assertOneLineWithoutStackTrace(log.ofRequest(requestId), "cites records it may not");
    }
  }

  @Test
  void anHl7HandoffWhosePersonTwoRecordsMatchIsOneWarningWithoutStackTrace() throws Exception {
    String message = HandoffHl7v2IT.withUniquePersonId(HandoffFixtures.sample("ADT-A03-01.hl7"));
    ReleaseHandoff handoff = ((Hl7v2Intake.Translated) translator.translate(message)).handoff();
    ReleaseHandoff.PersonIdentifier key = handoff.identifiers().get(0);
    for (int i = 0; i < 2; i++) {
      Patient twin = new Patient();
      twin.addIdentifier().setSystem(key.system()).setValue(key.value());
      fhir().create().resource(twin).execute();
    }
    String requestId = "hl7-refusal-" + UUID.randomUUID();

    try (CapturedLog log = CapturedLog.capture()) {
      HttpResponse<String> response =
          http(
              requestAs("demo-release-team", "/api/handoffs/hl7v2")
                  .header("X-Request-ID", requestId)
                  .header("Content-Type", "x-application/hl7-v2+er7; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(message)));

      assertThat(HandoffHl7v2IT.msa(response.body())[1]).as(response.body()).isEqualTo("AE");
      assertThat(response.statusCode()).isBetween(400, 499);
      assertOneLineWithoutStackTrace(log.ofRequest(requestId), "refused by the FHIR store");
    }
  }

  /** The request's log besides its access-log line: one INFO or WARN line, nothing at ERROR. */
  private static void assertOneLineWithoutStackTrace(List<ILoggingEvent> events, String reason) {
    List<String> lines =
        events.stream()
            .filter(e -> !"continuum.access".equals(e.getLoggerName()))
            .map(CapturedLog::line)
            .toList();
    assertThat(lines)
        .as("log of the request")
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line)
                  .matches("^(" + Level.INFO + "|" + Level.WARN + ") .*")
                  .contains(reason)
                  .doesNotContain("[stack trace");
            });
  }
}
