package org.continuumcare.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.consent.ConsentFixtures;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bulk Data {@code $export} through the real FHIR server and HAPI's bulk export job, on the
 * embedded PostgreSQL. The population: three people, each with an SUD record from the prison
 * (source program demo-prison) and a plain Observation; the first has a consent naming the
 * analysts' organisation (continuum-gateway) for HOPERAT, the second none, the third a consent for
 * another recipient.
 */
class BulkExportIT extends GatewayIntegrationTest {

  static final String ANALYST = "demo-analyst";

  @Autowired IJobMaintenanceService maintenance;

  private String groupId;
  private final List<String> patients = new ArrayList<>();
  private final List<String> sudRecords = new ArrayList<>();
  private final List<String> observations = new ArrayList<>();

  @BeforeEach
  void populationWithConsentedAndUnconsentedSudRecords() {
    for (String id : List.of("demo-prison", "demo-treatment", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    String system = uniqueSystem();
    Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
    for (int i = 0; i < 3; i++) {
      Patient patient = new Patient();
      patient.addIdentifier().setSystem(system).setValue("p" + i);
      String patientId = fhir().create().resource(patient).execute().getId().getIdPart();
      patients.add(patientId);
      group.addMember().setEntity(new Reference("Patient/" + patientId));
      sudRecords.add(
          fhir()
              .create()
              .resource(moud(patientId))
              .execute()
              .getId()
              .toUnqualifiedVersionless()
              .getValue());
      Observation plain =
          new Observation()
              .setStatus(Observation.ObservationStatus.FINAL)
              .setCode(
                  new CodeableConcept(new Coding("http://loinc.org", "71802-3", "Housing status")))
              .setSubject(new Reference("Patient/" + patientId));
      observations.add(
          fhir().create().resource(plain).execute().getId().toUnqualifiedVersionless().getValue());
    }
    consent(patients.get(0), "Organization/continuum-gateway", "HOPERAT");
    consent(patients.get(2), "Organization/demo-treatment", "TREAT");
    groupId = fhir().create().resource(group).execute().getId().getIdPart();
  }

  private static MedicationStatement moud(String patientId) {
    return new MedicationStatement()
        .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
        .setMedication(new CodeableConcept().setText("Buprenorphine/naloxone 8 mg/2 mg"))
        .setSubject(new Reference("Patient/" + patientId))
        .setInformationSource(new Reference("Organization/demo-prison"));
  }

  private void consent(String patientId, String recipient, String purpose) {
    Consent consent =
        ConsentFixtures.consent(
            patientId, "2026-01-01", "2099-12-31", new String[] {recipient}, purpose);
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    fhir().create().resource(consent).execute();
  }

  ExportClient exportAs(String clientId) {
    return new ExportClient(path -> requestAs(clientId, path), maintenance);
  }

  private String groupExport(ExportClient client) {
    return client.statusPath(
        client.kickoff(
            "/fhir/Group/" + groupId + "/$export?_type=MedicationStatement,Observation"));
  }

  private static List<String> ids(List<? extends org.hl7.fhir.r4.model.Resource> resources) {
    return resources.stream()
        .map(r -> r.getIdElement().toUnqualifiedVersionless().getValue())
        .toList();
  }

  @Test
  void analystsExportContainsExactlyTheConsentedSudRecordsMarkedAsDisclosed() {
    ExportClient analyst = exportAs(ANALYST);

    JsonNode manifest = analyst.awaitManifest(groupExport(analyst));

    assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
    List<MedicationStatement> sud = analyst.resources(manifest, MedicationStatement.class, FHIR);
    assertThat(ids(sud)).containsExactly(sudRecords.get(0));
    assertThat(sud.get(0).getMeta().getSecurity())
        .extracting(Coding::getCode)
        .contains("42CFRPart2", "NORDSCLCD");
    assertThat(
            sud.get(0)
                .getMeta()
                .getExtensionByUrl(
                    "https://continuumcare.org/fhir/StructureDefinition/redisclosure-notice"))
        .isNotNull();
    assertThat(ids(analyst.resources(manifest, Observation.class, FHIR)))
        .containsExactlyInAnyOrderElementsOf(observations);
  }

  @Test
  void administratorsExportContainsEverySudRecord() {
    ExportClient admin = exportAs(ADMIN);

    JsonNode manifest = admin.awaitManifest(groupExport(admin));

    assertThat(ids(admin.resources(manifest, MedicationStatement.class, FHIR)))
        .containsExactlyInAnyOrderElementsOf(sudRecords);
  }

  @Test
  void everyExportIsAuditedWithWhoTypesAndWhatWasExportedAndWithheld() {
    ExportClient analyst = exportAs(ANALYST);
    String status = groupExport(analyst);
    analyst.awaitManifest(status);
    String jobId = status.substring(status.indexOf("_jobId=") + "_jobId=".length());

    Bundle audits =
        fhir()
            .search()
            .forResource(AuditEvent.class)
            .where(
                AuditEvent.SUBTYPE
                    .exactly()
                    .systemAndCode(
                        ExportAuditEventMapper.SUBTYPE_SYSTEM,
                        ExportAuditEventMapper.SUBTYPE_EXPORT))
            .count(200)
            .returnBundle(Bundle.class)
            .execute();
    AuditEvent audit =
        audits.getEntry().stream()
            .map(e -> (AuditEvent) e.getResource())
            .filter(e -> e.getEntityFirstRep().getWhat().getDisplay().endsWith(jobId))
            .findFirst()
            .orElseThrow();

    assertThat(audit.getAgentFirstRep().getAltId()).isEqualTo(ANALYST);
    assertThat(detail(audit, "types")).isEqualTo("MedicationStatement,Observation");
    assertThat(detail(audit, "exported:MedicationStatement")).isEqualTo("1");
    assertThat(detail(audit, "withheld:MedicationStatement")).isEqualTo("2");
    assertThat(detail(audit, "exported:Observation")).isEqualTo("3");
    assertThat(detail(audit, "withheld")).isEqualTo("2");
  }

  private static String detail(AuditEvent event, String type) {
    return event.getEntityFirstRep().getDetail().stream()
        .filter(d -> type.equals(d.getType()))
        .map(d -> d.getValue().primitiveValue())
        .findFirst()
        .orElse(null);
  }

  @Test
  void aCancelledExportAnswersNotFound() {
    ExportClient analyst = exportAs(ANALYST);
    String status = groupExport(analyst);

    HttpResponse<String> cancelled = analyst.cancel(status);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
    HttpResponse<String> after = analyst.poll(status);
    assertThat(after.statusCode()).as(after.body()).isEqualTo(404);
  }

  @Test
  void patientLevelExportIsFilteredTheSameWay() {
    ExportClient analyst = exportAs(ANALYST);
    String status =
        analyst.statusPath(
            analyst.kickoffPost(
                "/fhir/Patient/$export",
                ExportClient.patientExport(
                    "MedicationStatement", patients.get(0), patients.get(1))));

    JsonNode manifest = analyst.awaitManifest(status);

    assertThat(ids(analyst.resources(manifest, MedicationStatement.class, FHIR)))
        .containsExactly(sudRecords.get(0));
  }

  // --- bad input

  @Test
  void unknownOutputFormatIsRefusedWith400() {
    HttpResponse<String> response =
        exportAs(ANALYST).kickoff("/fhir/$export?_outputFormat=text/csv");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome").contains("Bulk Export");
  }

  @Test
  void unknownTypeIsRefusedWith400() {
    HttpResponse<String> response = exportAs(ANALYST).kickoff("/fhir/$export?_type=NoSuchThing");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome").contains("NoSuchThing");
  }

  @Test
  void malformedSinceIsRefusedWith400() {
    HttpResponse<String> response = exportAs(ANALYST).kickoff("/fhir/$export?_since=last-tuesday");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome");
  }

  @Test
  void kickoffWithoutRespondAsyncIsRefusedWith400() {
    HttpResponse<String> response = exportAs(ANALYST).send(requestAs(ANALYST, "/fhir/$export"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("OperationOutcome");
  }
}
