package org.continuumcare.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** HMIS CSV exports through POST /api/partners/demo-housing/hmis-csv and the drop directory. */
class HmisImportIT extends GatewayIntegrationTest {

  /** Every refusal these tests provoke is audited: none may be lost. */
  @org.junit.jupiter.api.AfterEach
  void noAuditEventWasLost() throws Exception {
    org.continuumcare.gateway.support.LostAudits.assertNoneLost(this);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEMO =
      Path.of("../camel-routes/src/test/resources/housing/hmis-csv-fy2026-demo.zip");
  private static final Path MALFORMED =
      Path.of("../camel-routes/src/test/resources/housing/malformed");

  /**
   * Referred long before the demo export's dates, so no row is skipped as older than the referral.
   */
  private static final Instant EARLY = Instant.parse("2000-01-03T12:00:00Z");

  @Value("${continuum.housing.hmis-drop-dir}")
  String dropDir;

  /**
   * Referred persons, by HMIS PersonalID, each with an accepted ReferralTask; PersonalID -> Task
   * id.
   */
  private Map<String, String> refer(List<String> personalIds) {
    ReferralData.organizations(fhir());
    Map<String, String> tasks = new HashMap<>();
    for (String id : personalIds) {
      tasks.put(
          id,
          ReferralData.referralTask(
              fhir(), uniqueSystem(), id, "demo-housing", TaskStatus.ACCEPTED, EARLY));
    }
    return tasks;
  }

  /**
   * The demo export's four files the import reads (Export, Enrollment, CurrentLivingSituation,
   * Exit), zipped: the whole export (1.2 MB) is over this suite's 1 MB request limit, and the
   * import reads nothing else from it.
   */
  private static byte[] demoImportFiles() throws Exception {
    Set<String> wanted =
        Set.of("Export.csv", "Enrollment.csv", "CurrentLivingSituation.csv", "Exit.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(DEMO));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = Path.of(entry.getName()).getFileName().toString();
        if (wanted.contains(name)) {
          out.putNextEntry(new ZipEntry(name));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return bytes.toByteArray();
  }

  private HttpResponse<String> upload(String contentType, byte[] body) throws Exception {
    return http(
        requestAs("demo-housing", "/api/partners/demo-housing/hmis-csv")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Task task(String id) {
    return fhir().read().resource(Task.class).withId(id).execute();
  }

  @Test
  void demoExportUploadedAsZipGivesItsCountsAndReimportingChangesNothing() throws Exception {
    Map<String, String> tasks = refer(List.of("68121", "641913", "2615", "3166", "9375"));
    byte[] zip = demoImportFiles();

    HttpResponse<String> first = upload("application/zip", zip);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(first.body());
    assertThat(report.path("sourceId").asText()).isEqualTo("DEMO999");
    assertThat(report.path("read").asLong()).isEqualTo(9402);
    assertThat(report.path("matched").asLong()).isEqualTo(43);
    assertThat(report.path("rejected").asLong()).isZero();
    assertThat(report.path("observations").path("produced").asLong()).isEqualTo(42);
    assertThat(report.path("observations").path("created").asLong()).isEqualTo(42);
    JsonNode updates = report.path("taskUpdates");
    assertThat(updates.path("produced").asLong()).isEqualTo(14);
    assertThat(
            updates.path("applied").asLong()
                + updates.path("ignoredOlder").asLong()
                + updates.path("ignoredDuplicate").asLong()
                + updates.path("refused").asLong())
        .isEqualTo(14);
    assertThat(report.path("updated").asLong())
        .isEqualTo(updates.path("applied").asLong())
        .isPositive();
    // 3166 entered a project, moved in and exited to a permanent destination: placed in housing.
    Task placed = task(tasks.get("3166"));
    assertThat(placed.getStatus()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(placed.getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo("placed-in-housing");
    // 68121 entered a project and exited to the street: enrolled, not housed.
    assertThat(task(tasks.get("68121")).getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo("enrolled");
    String version3166 = placed.getIdElement().getVersionIdPart();

    HttpResponse<String> again = upload("application/zip", zip);

    JsonNode second = JSON.readTree(again.body());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(second.path("matched").asLong()).isEqualTo(43);
    assertThat(second.path("observations").path("created").asLong()).isZero();
    assertThat(second.path("observations").path("existing").asLong()).isEqualTo(42);
    assertThat(second.path("taskUpdates").path("applied").asLong()).isZero();
    assertThat(task(tasks.get("3166")).getIdElement().getVersionIdPart()).isEqualTo(version3166);
  }

  @Test
  void malformedExportIsReportedRowByRowAndTheGoodRowsAreImported() throws Exception {
    Map<String, String> tasks = refer(List.of("P1", "P2", "P3", "P4", "P5"));
    String boundary = "hmis" + UUID.randomUUID();
    ByteArrayOutputStream form = new ByteArrayOutputStream();
    for (String name :
        List.of("Export.csv", "Enrollment.csv", "CurrentLivingSituation.csv", "Exit.csv")) {
      form.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + name
                  + "\"\r\nContent-Type: text/csv\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(MALFORMED.resolve(name))) {
        in.transferTo(form);
      }
      form.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    form.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response =
        upload("multipart/form-data; boundary=" + boundary, form.toByteArray());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.path("sourceId").asText()).isEqualTo("TEST01");
    assertThat(report.path("rejected").asLong()).isEqualTo(9);
    JsonNode rows = report.path("rejectedRows");
    assertThat(rows.get(0).path("file").asText()).isEqualTo("Enrollment.csv");
    assertThat(rows.get(0).path("row").asLong()).isEqualTo(3);
    assertThat(rows.get(0).path("reason").asText())
        .isEqualTo("EntryDate '08-MAY-67' is not a date (yyyy-MM-dd)");
    assertThat(rows.get(6).path("reason").asText())
        .isEqualTo("header lacks column(s) InformationDate; file skipped");
    assertThat(response.body()).doesNotContain("Tester");
    // P1's good rows still count: entered (in-progress) and moved in (completed).
    assertThat(task(tasks.get("P1")).getStatus()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void notAZipIsRefusedAs400AndNothingIsImported() throws Exception {
    HttpResponse<String> response =
        upload("application/zip", "this is not a zip".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("type").asText())
        .endsWith("/invalid-hmis-upload");
  }

  @Test
  void exportDroppedIntoTheDirectoryIsImportedAndMovedToDoneWithItsReport() throws Exception {
    // 14780 entered a project in 2021 from the street and moved in later that year.
    Map<String, String> tasks = refer(List.of("14780"));
    Path dir = Path.of(dropDir);
    Files.createDirectories(dir);
    String name = "demo-" + UUID.randomUUID() + ".zip";
    Path partial = dir.resolve(name + ".part");
    Files.copy(DEMO, partial);
    Files.move(partial, dir.resolve(name));

    Path report = dir.resolve(".done").resolve(name + ".report.json");
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> Files.exists(report) && Files.exists(dir.resolve(".done").resolve(name)));

    JsonNode result = JSON.readTree(report.toFile());
    assertThat(result.path("read").asLong()).isEqualTo(9402);
    assertThat(result.path("rejectedRows").toString()).doesNotContain("Client.csv");
    assertThat(Files.exists(dir.resolve(name))).isFalse();
    assertThat(task(tasks.get("14780")).getStatus()).isEqualTo(TaskStatus.COMPLETED);
  }
}
