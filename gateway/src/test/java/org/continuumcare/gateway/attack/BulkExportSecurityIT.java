package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.continuumcare.gateway.export.ExportClient;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attacks on Bulk Data {@code $export}: partners exporting, clients exporting beyond their scopes,
 * selecting by withheld records through {@code _typeFilter}, and reading or cancelling another
 * client's export. Each test names the attack it replays.
 */
class BulkExportSecurityIT extends GatewayIntegrationTest {

  private static final String ANALYST = "demo-analyst";
  private static final String EHR = "demo-ehr";
  private static final String RELEASE_TEAM = "demo-release-team";

  @Autowired IJobMaintenanceService maintenance;

  private String patientId;

  @BeforeEach
  void onePersonWithAnObservation() {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    patientId = fhir().create().resource(patient).execute().getId().getIdPart();
    fhir()
        .create()
        .resource(
            new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setSubject(new Reference("Patient/" + patientId)))
        .execute();
  }

  private ExportClient as(String clientId) {
    return new ExportClient(path -> requestAs(clientId, path), maintenance);
  }

  @Test
  void aPartnerCannotExportAtAnyLevel() {
    for (String partner : List.of("demo-housing", "demo-employment")) {
      for (String path :
          List.of("/fhir/$export", "/fhir/Patient/$export", "/fhir/Group/any/$export")) {
        HttpResponse<String> response = as(partner).kickoff(path);
        assertThat(response.statusCode())
            .as(partner + " " + path + ": " + response.body())
            .isEqualTo(403);
        assertThat(response.body()).contains("OperationOutcome");
      }
    }
  }

  @Test
  void aClientCannotExportATypeItsScopesDoNotCover() {
    HttpResponse<String> response = as(RELEASE_TEAM).kickoff("/fhir/$export?_type=AuditEvent");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("AuditEvent");
  }

  @Test
  void anAnalystCannotSelectPeopleByWithheldRecordsThroughTypeFilter() {
    HttpResponse<String> response =
        as(ANALYST)
            .kickoff(
                "/fhir/$export?_type=Patient&_typeFilter="
                    + java.net.URLEncoder.encode(
                        "Patient?_has:Condition:subject:code=F11.20",
                        java.nio.charset.StandardCharsets.UTF_8));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("_has");
  }

  @Test
  void anotherClientCannotPollCancelOrDownloadAnExport() {
    ExportClient analyst = as(ANALYST);
    String status =
        analyst.statusPath(
            analyst.kickoffPost(
                "/fhir/Patient/$export", ExportClient.patientExport("Observation", patientId)));
    JsonNode manifest = analyst.awaitManifest(status);
    List<String> files = analyst.files(manifest, "Observation");
    assertThat(files).isNotEmpty();
    assertThat(analyst.download(files.get(0)).statusCode()).isEqualTo(200);

    for (String other : List.of(EHR, ADMIN)) {
      assertThat(as(other).poll(status).statusCode()).as(other + " polls").isEqualTo(404);
      assertThat(as(other).cancel(status).statusCode()).as(other + " cancels").isEqualTo(404);
      HttpResponse<String> download = as(other).download(files.get(0));
      assertThat(download.statusCode()).as(other + " downloads: " + download.body()).isEqualTo(404);
    }
    assertThat(analyst.poll(status).statusCode()).as("the owner still polls").isEqualTo(200);
  }

  @Test
  void anExportFileCannotBeFoundBySearchingBinaries() {
    ExportClient analyst = as(ANALYST);
    String status =
        analyst.statusPath(
            analyst.kickoffPost(
                "/fhir/Patient/$export", ExportClient.patientExport("Observation", patientId)));
    String file = analyst.files(analyst.awaitManifest(status), "Observation").get(0);
    String binaryId = file.substring(file.lastIndexOf('/') + 1);

    HttpResponse<String> search =
        as(EHR)
            .send(
                requestAs(EHR, "/fhir/Binary?_id=" + binaryId)
                    .header("Accept", "application/fhir+json"));

    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(search.body()).doesNotContain("\"entry\"");
  }

  @Test
  void anUnknownJobAnswersNotFound() {
    HttpResponse<String> response =
        as(ANALYST).poll("/fhir/$export-poll-status?_jobId=" + java.util.UUID.randomUUID());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
  }
}
