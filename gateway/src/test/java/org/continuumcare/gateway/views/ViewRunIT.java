package org.continuumcare.gateway.views;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code ViewDefinition/$run} over the real server: rows come only from resources the caller may
 * read (SUD consent, partner isolation, partner minimum form), a client without the scope of the
 * view's type is refused, and bad views and parameters get a 400 naming what is wrong.
 */
class ViewRunIT extends GatewayIntegrationTest {

  private static final String ANALYST = "demo-analyst";
  private static final String HOUSING = "demo-housing";

  private static final String MOUD_VIEW = SudPopulation.MOUD_VIEW;

  @Autowired MeterRegistry meters;
  @Autowired JpaStorageSettings storage;

  private String consented;
  private String unconsented;
  private String group;
  private String housingPatient;
  private String employmentPatient;

  @BeforeEach
  void twoPeopleWithMoudRecordsOneConsentingToAnalysisAndTwoReferrals() {
    String system = uniqueSystem();
    SudPopulation population = SudPopulation.create(fhir(), system);
    consented = population.consented();
    unconsented = population.unconsented();
    group = population.group();
    housingPatient = SudPopulation.patient(fhir(), system, "housing-client");
    employmentPatient = SudPopulation.patient(fhir(), system, "employment-client");
    referral(housingPatient, HOUSING);
    referral(employmentPatient, "demo-employment");
  }

  private void referral(String patientId, String partner) {
    ServiceRequest referral = new ServiceRequest();
    referral
        .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(new Reference("Patient/" + patientId));
    referral.setRequester(new Reference("Organization/demo-treatment"));
    referral.addPerformer(new Reference("Organization/" + partner));
    fhir().create().resource(referral).execute();
  }

  private HttpResponse<String> run(String client, String view, String... query) throws Exception {
    String parameters =
        """
        {"resourceType":"Parameters","parameter":[{"name":"viewResource","resource":%s}]}"""
            .formatted(view);
    String url = "/fhir/ViewDefinition/$run?" + String.join("&", query);
    return http(
        requestAs(client, url)
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(parameters)));
  }

  private static List<String> lines(HttpResponse<String> response) {
    return response.body().lines().filter(line -> !line.isBlank()).toList();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void anAnalystGetsRowsOnlyFromSudRecordsWhosePatientConsentedAndAnAdministratorGetsAll()
      throws Exception {
    HttpResponse<String> analyst = run(ANALYST, MOUD_VIEW, "_format=csv", "group=Group/" + group);
    HttpResponse<String> admin = run(ADMIN, MOUD_VIEW, "_format=csv", "group=Group/" + group);

    assertThat(analyst.statusCode()).isEqualTo(200);
    assertThat(analyst.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(lines(analyst)).first().isEqualTo("id,patient,medication");
    assertThat(lines(analyst))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("Patient/" + consented));
    assertThat(lines(admin)).hasSize(3);
    assertThat(String.join("\n", lines(admin)))
        .contains("Patient/" + consented)
        .contains("Patient/" + unconsented);
  }

  @Test
  void aRunReadsEveryMatchBeyondHapisSynchronousSearchSize() throws Exception {
    // HAPI answers a plain system search synchronously and stops at this size, without a word.
    int size = storage.getInternalSynchronousSearchSize();
    storage.setInternalSynchronousSearchSize(1);
    try {
      HttpResponse<String> admin = run(ADMIN, MOUD_VIEW, "_format=csv", "group=Group/" + group);

      assertThat(admin.statusCode()).isEqualTo(200);
      assertThat(lines(admin)).hasSize(3);
    } finally {
      storage.setInternalSynchronousSearchSize(size);
    }
  }

  @Test
  void eachRunIsAuditedWithWhoTheViewTheRowsReturnedAndTheResourcesWithheldAndCounted()
      throws Exception {
    double runs = runs();

    HttpResponse<String> analyst = run(ANALYST, MOUD_VIEW, "_format=csv", "group=Group/" + group);

    assertThat(analyst.statusCode()).isEqualTo(200);
    assertThat(runs() - runs).isEqualTo(1.0);
    AuditEvent event = newestViewRunEvent();
    assertThat(event.getAgentFirstRep().getAltId()).isEqualTo(ANALYST);
    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(event.getEntityFirstRep().getWhat().getDisplay()).isEqualTo("inline view moud");
    assertThat(event.getEntityFirstRep().getDetail())
        .extracting(d -> d.getType() + "=" + ((StringType) d.getValue()).getValue())
        .contains("format=csv", "rows=1", "withheld=1");
  }

  private double runs() {
    return meters
        .counter("continuum_view_runs", "operation", "run", "outcome", "completed")
        .count();
  }

  private AuditEvent newestViewRunEvent() {
    Bundle events =
        fhir()
            .search()
            .forResource(AuditEvent.class)
            .where(
                AuditEvent.SUBTYPE
                    .exactly()
                    .systemAndCode(
                        ViewAuditEventMapper.SUBTYPE_SYSTEM, ViewAuditEventMapper.SUBTYPE_RUN))
            .sort()
            .descending(AuditEvent.DATE)
            .count(1)
            .returnBundle(Bundle.class)
            .execute();
    return (AuditEvent) events.getEntryFirstRep().getResource();
  }

  @Test
  void aPartnerGetsRowsOnlyFromReferralsAddressedToItAndPatientsInTheirMinimumForm()
      throws Exception {
    String referrals =
        """
        {"resource":"ServiceRequest","select":[{"column":[{"name":"patient","path":"subject.getReferenceKey()"},
          {"name":"partner","path":"performer.first().getReferenceKey(Organization)"}]}]}""";
    String people =
        """
        {"resource":"Patient","select":[{"column":[{"name":"id","path":"id"},
          {"name":"contact_phone","path":"contact.telecom.value.first()"}]}]}""";
    String both = "patient=Patient/" + housingPatient + "&patient=Patient/" + employmentPatient;

    assertThat(lines(run(HOUSING, referrals, "_format=ndjson", both)))
        .containsExactly(
            "{\"patient\":\"Patient/"
                + housingPatient
                + "\",\"partner\":\"Organization/demo-housing\"}");
    assertThat(lines(run(ADMIN, referrals, "_format=ndjson", both))).hasSize(2);
    assertThat(lines(run(HOUSING, people, "_format=ndjson", both)))
        .containsExactly("{\"id\":\"" + housingPatient + "\",\"contact_phone\":null}");
  }

  @Test
  void aClientWithoutTheScopeOfTheViewsTypeIsRefused() throws Exception {
    HttpResponse<String> refused = run(HOUSING, MOUD_VIEW, "_format=csv");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("OperationOutcome").contains("MedicationStatement");
  }

  @Test
  void anInvalidViewIsRefusedWithAnOperationOutcomeNamingTheElement() throws Exception {
    HttpResponse<String> unknownType =
        run(
            ANALYST,
            """
        {"resource":"Patient","select":[{"column":[{"name":"id","path":"id","type":"timestamp"}]}]}""",
            "_format=csv");
    HttpResponse<String> duplicate =
        run(
            ANALYST,
            """
        {"resource":"Patient","select":[{"column":[{"name":"id","path":"id"},{"name":"id","path":"gender"}]}]}""",
            "_format=csv");
    HttpResponse<String> badPath =
        run(
            ANALYST,
            """
        {"resource":"Patient","select":[{"column":[{"name":"id","path":"name.where("}]}]}""",
            "_format=csv");

    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.body())
        .contains("ViewDefinition.select[0].column[0].type")
        .contains("timestamp");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body())
        .contains("ViewDefinition.select[0].column[1].name")
        .contains("duplicate column name");
    assertThat(badPath.statusCode()).isEqualTo(400);
    assertThat(badPath.body()).contains("ViewDefinition.select[0].column[0].path");
  }

  @Test
  void anUnknownFormatOrAMalformedSinceIsRefused() throws Exception {
    HttpResponse<String> format = run(ANALYST, MOUD_VIEW, "_format=xlsx");
    HttpResponse<String> since =
        run(ANALYST, MOUD_VIEW, "_format=csv", "_since=" + q("last tuesday"));

    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("Unknown _format 'xlsx'");
    assertThat(since.statusCode()).isEqualTo(400);
    assertThat(since.body()).contains("_since");
  }

  @Test
  void aStoredViewRunsAtInstanceLevelWithALimit() throws Exception {
    Basic stored =
        StoredViews.toBasic(
            "view-test-moud-" + consented,
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(MOUD_VIEW));
    fhir().update().resource(stored).execute();

    HttpResponse<String> limited =
        http(
            requestAs(
                    ADMIN,
                    "/fhir/ViewDefinition/view-test-moud-"
                        + consented
                        + "/$run?_format=json&_limit=1&group=Group/"
                        + group)
                .GET());

    assertThat(limited.statusCode()).isEqualTo(200);
    assertThat(limited.body())
        .startsWith("[{\"id\":\"MedicationStatement/")
        .endsWith("}]")
        .doesNotContain("},{");
  }

  @Test
  void parquetOutputHoldsTheSameRowsAsCsv() throws Exception {
    HttpResponse<byte[]> parquet =
        java.net.http.HttpClient.newHttpClient()
            .send(
                requestAs(ADMIN, "/fhir/ViewDefinition/$run?_format=parquet&group=Group/" + group)
                    .header("Content-Type", "application/fhir+json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            """
                {"resourceType":"Parameters","parameter":[{"name":"viewResource","resource":%s}]}"""
                                .formatted(MOUD_VIEW)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(parquet.statusCode()).isEqualTo(200);
    Path file = Files.createTempFile("view-run", ".parquet");
    Files.write(file, parquet.body());

    List<String> patients = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT patient FROM read_parquet('" + file + "') ORDER BY patient")) {
      while (rows.next()) {
        patients.add(rows.getString(1));
      }
    } finally {
      Files.deleteIfExists(file);
    }
    List<String> expected =
        new ArrayList<>(Arrays.asList("Patient/" + consented, "Patient/" + unconsented));
    expected.sort(null);
    assertThat(patients).containsExactlyElementsOf(expected);
  }

  @Test
  void theShippedViewsAreStoredAndRunAtInstanceLevel() throws Exception {
    HttpResponse<String> consents =
        http(
            requestAs(ADMIN, "/fhir/ViewDefinition/view-consents/$run?_format=csv&_limit=1").GET());

    assertThat(consents.statusCode()).isEqualTo(200);
    assertThat(lines(consents))
        .first()
        .isEqualTo("id,person,status,part2,source,provision,starts,ends,recipients,purposes,date");
  }

  @Test
  void theCapabilityStatementAdvertisesRunAndExport() {
    org.hl7.fhir.r4.model.CapabilityStatement capabilities =
        fhirAs(ANALYST)
            .capabilities()
            .ofType(org.hl7.fhir.r4.model.CapabilityStatement.class)
            .execute();

    assertThat(capabilities.getRestFirstRep().getOperation())
        .extracting(
            org.hl7.fhir.r4.model.CapabilityStatement
                    .CapabilityStatementRestResourceOperationComponent
                ::getDefinition)
        .contains(ViewCapabilities.RUN, ViewCapabilities.EXPORT);
  }
}
