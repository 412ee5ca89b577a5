package org.continuumcare.gateway.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code $viewdefinition-export} and {@code /api/analytics/sql}: an export holds only the rows the
 * client may read, only that client sees it, and SQL over it reads, within its limits.
 */
class ViewExportIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private SudPopulation population;

  @Autowired MeterRegistry meters;
  @Autowired DataSource dataSource;
  @Autowired ViewExportStore store;
  @Autowired ViewExports exports;
  @Autowired ViewRunService runs;
  @Autowired AccessGate gate;
  @Autowired AnalyticsProperties analytics;
  @Autowired ViewAuditor auditor;
  @Autowired ExecutorService viewExportWorker;

  @BeforeEach
  void population() {
    population = SudPopulation.create(fhir(), uniqueSystem());
  }

  private HttpResponse<String> kickOff(String client, boolean async) throws Exception {
    String body =
        """
        {"resourceType":"Parameters","parameter":[
          {"name":"view","part":[{"name":"name","valueString":"moud"},{"name":"viewResource","resource":%s}]},
          {"name":"group","valueReference":{"reference":"Group/%s"}},
          {"name":"_format","valueCode":"parquet"}]}"""
            .formatted(SudPopulation.MOUD_VIEW, population.group());
    HttpRequest.Builder request =
        requestAs(client, "/fhir/ViewDefinition/$viewdefinition-export")
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (async) {
      request.header("Prefer", "respond-async");
    }
    return http(request);
  }

  private String pathOf(String url) {
    return URI.create(url).getRawPath();
  }

  private JsonNode completedManifest(String client, String status) throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http(requestAs(client, pathOf(status)).GET()).statusCode() == 200);
    return JSON.readTree(http(requestAs(client, pathOf(status)).GET()).body());
  }

  private HttpResponse<String> sql(String client, String sql) throws Exception {
    String body = JSON.createObjectNode().put("sql", sql).toString();
    return http(
        requestAs(client, "/api/analytics/sql")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void anAnalystsExportHoldsOnlyConsentedSudRowsAndAnAdministratorsHoldsAll() throws Exception {
    HttpResponse<String> analyst = kickOff("demo-analyst", true);
    HttpResponse<String> admin = kickOff(ADMIN, true);
    assertThat(analyst.statusCode()).isEqualTo(202);
    String analystStatus = analyst.headers().firstValue("Content-Location").orElseThrow();
    String adminStatus = admin.headers().firstValue("Content-Location").orElseThrow();

    JsonNode analystManifest = completedManifest("demo-analyst", analystStatus);
    JsonNode adminManifest = completedManifest(ADMIN, adminStatus);

    assertThat(analystManifest.path("output").get(0).path("count").asLong()).isEqualTo(1);
    assertThat(adminManifest.path("output").get(0).path("count").asLong()).isEqualTo(2);
    HttpResponse<byte[]> file =
        java.net.http.HttpClient.newHttpClient()
            .send(
                requestAs(
                        "demo-analyst",
                        pathOf(analystManifest.path("output").get(0).path("url").asText()))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PAR1");
    assertThat(http(requestAs(ADMIN, pathOf(analystStatus)).GET()).statusCode())
        .as("another client cannot see the export")
        .isEqualTo(404);

    JsonNode analystRows =
        JSON.readTree(sql("demo-analyst", "SELECT patient FROM moud ORDER BY patient").body());
    assertThat(analystRows.path("rows")).hasSize(1);
    assertThat(analystRows.path("rows").get(0).get(0).asText())
        .isEqualTo("Patient/" + population.consented());
    assertThat(
            JSON.readTree(sql(ADMIN, "SELECT count(*) AS n FROM moud").body())
                .path("rows")
                .get(0)
                .get(0)
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void anExportIsAuditedOnceWithItsViewsRowsAndWithheldResourcesAndCounted() throws Exception {
    double exports =
        meters
            .counter("continuum_view_runs", "operation", "export", "outcome", "completed")
            .count();

    HttpResponse<String> analyst = kickOff("demo-analyst", true);
    String status = analyst.headers().firstValue("Content-Location").orElseThrow();
    completedManifest("demo-analyst", status);
    String job = pathOf(status).substring(pathOf(status).lastIndexOf('/') + 1);

    assertThat(
            meters
                    .counter("continuum_view_runs", "operation", "export", "outcome", "completed")
                    .count()
                - exports)
        .isEqualTo(1.0);
    List<AuditEvent> events =
        fhir()
            .search()
            .forResource(AuditEvent.class)
            .where(
                AuditEvent.SUBTYPE
                    .exactly()
                    .systemAndCode(
                        ViewAuditEventMapper.SUBTYPE_SYSTEM, ViewAuditEventMapper.SUBTYPE_EXPORT))
            .sort()
            .descending(AuditEvent.DATE)
            .count(20)
            .returnBundle(Bundle.class)
            .execute()
            .getEntry()
            .stream()
            .map(e -> (AuditEvent) e.getResource())
            .filter(e -> e.getEntityFirstRep().getWhat().getDisplay().endsWith(job))
            .toList();
    assertThat(events).hasSize(1);
    AuditEvent event = events.get(0);
    assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("demo-analyst");
    assertThat(event.getEntity().get(1).getWhat().getDisplay()).isEqualTo("moud");
    assertThat(event.getEntity().get(1).getDetail())
        .extracting(d -> d.getType() + "=" + ((StringType) d.getValue()).getValue())
        .containsExactly("rows=1", "withheld=1");
  }

  @Test
  void sqlThatWritesOrRunsPastItsLimitIsRefusedWithTheReason() throws Exception {
    String status =
        kickOff("demo-analyst", true).headers().firstValue("Content-Location").orElseThrow();
    completedManifest("demo-analyst", status);

    HttpResponse<String> delete = sql("demo-analyst", "DELETE FROM moud");
    HttpResponse<String> sneaky = sql("demo-analyst", "SELECT 1; DROP TABLE moud");
    HttpResponse<String> file = sql("demo-analyst", "SELECT * FROM read_csv('/etc/passwd')");
    HttpResponse<String> slow = sql("demo-analyst", "SELECT count(*) FROM range(100000000000) a");

    assertThat(delete.statusCode()).isEqualTo(400);
    assertThat(delete.body()).contains("read-only");
    assertThat(sneaky.statusCode()).isEqualTo(400);
    assertThat(sneaky.body()).contains("read-only");
    assertThat(file.statusCode()).isEqualTo(400);
    assertThat(file.body()).contains("disabled");
    assertThat(slow.statusCode()).isEqualTo(400);
    assertThat(slow.body()).contains("ran past its limit");
  }

  @Test
  void aPartnerCannotExportAndAPartnerCannotRunSql() throws Exception {
    assertThat(kickOff("demo-housing", true).statusCode()).isEqualTo(403);
    assertThat(sql("demo-housing", "SELECT 1").statusCode()).isEqualTo(403);
  }

  @Test
  void aKickOffWithoutRespondAsyncIsRefusedAndACancelledExportIsGone() throws Exception {
    assertThat(kickOff("demo-analyst", false).statusCode()).isEqualTo(400);
    String status =
        kickOff("demo-analyst", true).headers().firstValue("Content-Location").orElseThrow();

    assertThat(http(requestAs("demo-analyst", pathOf(status)).DELETE()).statusCode())
        .isEqualTo(202);
    assertThat(http(requestAs("demo-analyst", pathOf(status)).GET()).statusCode()).isEqualTo(404);
  }

  /** The exports as the next start of the gateway sees them: nothing in memory, the same store. */
  private ViewExports afterRestart() {
    return new ViewExports(
        runs,
        gate,
        analytics,
        viewExportWorker,
        Clock.systemUTC(),
        auditor,
        store,
        Duration.ofHours(24));
  }

  private static Caller caller(String clientId) {
    return new Caller(
        clientId,
        "continuum-gateway",
        Caller.Access.ANALYST,
        "HOPERAT",
        SmartScopes.parse("system/*.rs"));
  }

  @Test
  void aCompletedExportOutlivesARestartAndIsGoneWithItsFilesAfterTheRetention() throws Exception {
    String status =
        kickOff("demo-analyst", true).headers().firstValue("Content-Location").orElseThrow();
    JsonNode manifest = completedManifest("demo-analyst", status);
    String id = pathOf(status).substring(pathOf(status).lastIndexOf('/') + 1);
    String file = pathOf(manifest.path("output").get(0).path("url").asText());

    ViewExport restarted = afterRestart().find(id, caller("demo-analyst")).orElseThrow();
    assertThat(restarted.status).isEqualTo(ViewExport.Status.COMPLETED);
    assertThat(restarted.outputs).extracting(ViewExport.Output::rows).containsExactly(1L);
    assertThat(Files.exists(restarted.folder.resolve(restarted.outputs.get(0).file()))).isTrue();
    assertThat(afterRestart().find(id, caller(ADMIN))).isEmpty();

    // The retention (24 h in this suite) passes.
    new JdbcTemplate(dataSource)
        .update(
            "update continuum_view_export set finished_at = ? where id = ?",
            OffsetDateTime.now(ZoneOffset.UTC).minusHours(25),
            id);

    assertThat(http(requestAs("demo-analyst", pathOf(status)).GET()).statusCode()).isEqualTo(404);
    assertThat(http(requestAs("demo-analyst", file).GET()).statusCode()).isEqualTo(404);
    assertThat(exports.sweep()).isPositive();
    assertThat(Files.exists(restarted.folder)).isFalse();
    assertThat(store.find(id)).isEmpty();
  }

  @Test
  void anExportStillRunningWhenTheGatewayStoppedIsFailedAtTheNextStart() throws Exception {
    ViewExport interrupted =
        new ViewExport(
            UUID.randomUUID().toString(),
            "demo-analyst",
            Instant.now(),
            "POST /fhir/ViewDefinition/$viewdefinition-export",
            RunFormat.PARQUET,
            analytics.dir().resolve("exports").resolve("never-written"),
            1);
    store.insert(interrupted);

    assertThat(afterRestart().interrupted()).isPositive();

    HttpResponse<String> polled =
        http(
            requestAs(
                    "demo-analyst",
                    "/fhir/ViewDefinition/$viewdefinition-export-status/" + interrupted.id)
                .GET());
    assertThat(polled.statusCode()).isEqualTo(500);
    assertThat(polled.body()).contains("interrupted by a restart");
  }

  @Test
  void aCancelledExportLeavesNoFilesAndIsGoneAfterTheNextStartToo() throws Exception {
    String status =
        kickOff("demo-analyst", true).headers().firstValue("Content-Location").orElseThrow();
    completedManifest("demo-analyst", status);
    String id = pathOf(status).substring(pathOf(status).lastIndexOf('/') + 1);
    Path folder = analytics.dir().resolve("exports").resolve(id);
    assertThat(Files.exists(folder)).isTrue();

    assertThat(http(requestAs("demo-analyst", pathOf(status)).DELETE()).statusCode())
        .isEqualTo(202);

    assertThat(Files.exists(folder)).isFalse();
    assertThat(afterRestart().find(id, caller("demo-analyst"))).isEmpty();
    assertThat(http(requestAs("demo-analyst", pathOf(status)).DELETE()).statusCode())
        .isEqualTo(404);
  }
}
