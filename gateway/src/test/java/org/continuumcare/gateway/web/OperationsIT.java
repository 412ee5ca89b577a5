package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.continuumcare.gateway.support.CapturedLog;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsIT extends GatewayIntegrationTest {

  @Test
  void livenessAndReadinessAreUpWhenTheDatabaseAnswers() throws Exception {
    HttpResponse<String> liveness = http(request("/actuator/health/liveness").GET());
    HttpResponse<String> readiness = http(request("/actuator/health/readiness").GET());

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"UP\"");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"UP\"");
  }

  @Test
  void prometheusEndpointExposesHttpAndConnectionPoolMetrics() throws Exception {
    http(request("/fhir/metadata").GET());

    HttpResponse<String> scrape = http(request("/actuator/prometheus").GET());

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("http_server_requests_seconds_count")
        .contains("hikaricp_connections_active");
  }

  @Test
  void callersRequestIdIsEchoedAndAFreshOneIsIssuedWhenAbsent() throws Exception {
    HttpResponse<String> echoed =
        http(request("/fhir/metadata").header("X-Request-ID", "partner-abc-123").GET());
    HttpResponse<String> issued = http(request("/fhir/metadata").GET());

    assertThat(echoed.headers().firstValue("X-Request-ID")).hasValue("partner-abc-123");
    assertThat(issued.headers().firstValue("X-Request-ID"))
        .hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThan(8));
  }

  @Test
  void logsCarryTheRequestIdButNeverTheResourceBody() throws Exception {
    String secretName = "Zebulon-Quartermaine-" + System.nanoTime();
    String body = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + secretName + "\"}]}";

    try (CapturedLog log = CapturedLog.capture()) {
      HttpResponse<String> response =
          http(
              request("/fhir/Patient")
                  .header("Content-Type", "application/fhir+json")
                  .header("X-Request-ID", "log-check-42")
                  .POST(BodyPublishers.ofString(body)));

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.body()).contains("\"source\":\"#log-check-42\"");
      // Logback events, not the console: the console is captured only if logging started after the
      // capture, i.e. only when this class happens to start the suite's shared context. The access
      // line is written once the response has gone out, so it may follow the client's read.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(log.ofRequest("log-check-42"))
                      .extracting(CapturedLog::line)
                      .anySatisfy(line -> assertThat(line).contains("POST /fhir/Patient -> 201")));
      assertThat(log.events())
          .extracting(CapturedLog::line)
          .noneSatisfy(line -> assertThat(line).contains(secretName));
    }
  }
}
