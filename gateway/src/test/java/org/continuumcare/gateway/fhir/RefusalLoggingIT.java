package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.CapturedLog;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * An expected refusal on the FHIR API is one line in the log (WARN, naming the reason) besides the
 * request's access-log line: never an ERROR, never a stack trace.
 */
class RefusalLoggingIT extends GatewayIntegrationTest {

  @Test
  void aSearchTheTokensScopesDoNotAllowIsOneWarningWithoutStackTrace() throws Exception {
    String requestId = "scope-refusal-" + UUID.randomUUID();
    try (CapturedLog log = CapturedLog.capture()) {
      HttpResponse<String> response =
          http(
              requestAs("demo-release-team", "/fhir/Endpoint")
                  .header("X-Request-ID", requestId)
                  .GET());

      assertThat(response.statusCode()).isEqualTo(403);
      assertOneWarningWithoutStackTrace(
          log.ofRequest(requestId), "scopes do not allow searching Endpoint");
    }
  }

  @Test
  void aTransactionRefusedBeforeAnythingIsStoredIsOneWarningWithoutStackTrace() throws Exception {
    String requestId = "transaction-refusal-" + UUID.randomUUID();
    String transaction =
        """
        {"resourceType": "Bundle", "type": "transaction", "entry": [
          {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Patient"},
           "request": {"method": "POST", "url": "Spaceship"}}]}
        """
            .formatted(UUID.randomUUID());
    try (CapturedLog log = CapturedLog.capture()) {
      HttpResponse<String> response =
          http(
              request("/fhir")
                  .header("X-Request-ID", requestId)
                  .header("Content-Type", "application/fhir+json")
                  .POST(HttpRequest.BodyPublishers.ofString(transaction)));

      assertThat(response.statusCode()).isEqualTo(400);
      assertOneWarningWithoutStackTrace(log.ofRequest(requestId), "Bundle.entry[0]");
    }
  }

  /**
   * The request's log besides its access-log line (written once the response is out, so not awaited
   * here): one WARN containing {@code reason}, nothing else.
   */
  static void assertOneWarningWithoutStackTrace(List<ILoggingEvent> events, String reason) {
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
                  .startsWith(Level.WARN + " ")
                  .contains(reason)
                  .doesNotContain("[stack trace");
            });
  }
}
