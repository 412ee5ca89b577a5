package org.continuumcare.gateway.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.continuumcare.gateway.consent.ConsentFixtures;
import org.continuumcare.gateway.consent.SecurityLabels;
import org.continuumcare.gateway.measures.ExpectedReport.Row;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Measures over referral Tasks with several versions each (requested, accepted, in-progress,
 * completed), all of them substance-use records (42 CFR Part 2): 11 people consented to disclosure
 * to the analysts' organisation, 1 did not. The times each Task reached a state are read from its
 * versions; an analyst counts only the consented Tasks, and each disclosed Task is accounted once,
 * as the version a search returns, not once per version read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskHistoryMeasureIT extends GatewayIntegrationTest {

  @Autowired JpaStorageSettings storage;

  private static final String ANALYST = "demo-analyst";
  private static final String PARTNER = "task-history-it";
  private static final String CATEGORY = "peer-support";
  private static final String M2 =
      "/fhir/Measure/closed-loop-referrals/$evaluate-measure?periodStart=2037-03-01&periodEnd=2037-03-31";
  private static final int CONSENTED = 11;

  private final String system = uniqueSystem();

  /** One generated referral: its person, Task and whether the person consented. */
  private record Referral(String patient, String task, Instant sent, boolean consented) {}

  private final List<Referral> referrals = new ArrayList<>();

  @BeforeAll
  void referralsWithSeveralVersions() {
    organization("continuum-gateway");
    organization("demo-treatment");
    organization(PARTNER);
    for (int i = 0; i <= CONSENTED; i++) {
      boolean consented = i < CONSENTED;
      Patient patient = new Patient();
      patient.addIdentifier().setSystem(system).setValue("person-" + i);
      String patientId = fhir().create().resource(patient).execute().getId().getIdPart();
      if (consented) {
        fhir()
            .create()
            .resource(
                ConsentFixtures.consent(
                    patientId,
                    "2020-01-01",
                    "2040-12-31",
                    new String[] {"Organization/continuum-gateway"},
                    "HOPERAT"))
            .execute();
      }
      Instant sent = Instant.parse("2037-03-02T10:00:00Z").plus(Duration.ofHours(i));
      ServiceRequest referral = new ServiceRequest();
      referral.addIdentifier().setSystem(system).setValue("referral-" + i);
      referral
          .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
          .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
      referral.addCategory(
          new CodeableConcept(new Coding(OutcomePopulation.CATEGORY_SYSTEM, CATEGORY, null)));
      referral.setSubject(new Reference("Patient/" + patientId));
      referral.setAuthoredOn(Date.from(sent));
      referral.addPerformer(new Reference("Organization/" + PARTNER));
      String referralId = fhir().create().resource(referral).execute().getId().getIdPart();
      Task task = new Task();
      SecurityLabels.labelPart2(task);
      task.addIdentifier().setSystem(system).setValue("task-" + i);
      task.setStatus(Task.TaskStatus.REQUESTED);
      task.setIntent(Task.TaskIntent.ORDER);
      task.getCode()
          .addCoding(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null));
      task.setFocus(new Reference("ServiceRequest/" + referralId));
      task.setFor(new Reference("Patient/" + patientId));
      task.setAuthoredOn(Date.from(sent));
      task.setLastModified(Date.from(sent));
      task.setOwner(new Reference("Organization/" + PARTNER));
      task.setId(fhir().create().resource(task).execute().getId().toUnqualifiedVersionless());
      update(task, Task.TaskStatus.ACCEPTED, sent.plus(Duration.ofDays(2)));
      update(task, Task.TaskStatus.INPROGRESS, sent.plus(Duration.ofDays(4)));
      update(task, Task.TaskStatus.COMPLETED, sent.plus(Duration.ofDays(10)));
      referrals.add(
          new Referral(
              "Patient/" + patientId, "Task/" + task.getIdElement().getIdPart(), sent, consented));
    }
  }

  private void update(Task task, Task.TaskStatus status, Instant at) {
    task.setStatus(status);
    task.setLastModified(Date.from(at));
    fhir().update().resource(task).execute();
  }

  /** The consent's parties, stored unless they already are. */
  private void organization(String id) {
    try {
      fhir().read().resource(Organization.class).withId(id).execute();
    } catch (ResourceNotFoundException absent) {
      Organization organization = new Organization();
      organization.setId(id);
      organization.setName(id);
      fhir().update().resource(organization).execute();
    }
  }

  /**
   * The expected cells by direct counting: every referral completed, accepted 2 days and completed
   * 10 days after it was sent (read from its second and fourth versions).
   */
  private Map<String, String> expected(boolean suppress, boolean onlyConsented) {
    List<Row> rows = new ArrayList<>();
    for (Referral r : referrals) {
      if (onlyConsented && !r.consented()) {
        continue;
      }
      rows.add(
          new Row(
              r.patient(),
              Map.of(
                  "partner",
                  "Organization/" + PARTNER,
                  "category",
                  CATEGORY,
                  "reason",
                  "not-ended"),
              new LinkedHashSet<>(List.of("denominator", "completed")),
              Map.of("days-to-accepted", 2.0, "days-to-completed", 10.0)));
    }
    return ExpectedReport.closedLoopReferrals(suppress, rows);
  }

  private MeasureReport report(String client) throws Exception {
    HttpResponse<String> response = http(requestAs(client, M2).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(MeasureReport.class, response.body());
  }

  @Test
  void aTaskWithSeveralVersionsIsCountedFromTheVersionsThatFirstReachedEachState()
      throws Exception {
    Map<String, String> expected = expected(false, false);
    assertThat(expected).containsEntry("closed-loop||denominator", "12");
    assertThat(ExpectedReport.cellsOf(report(ADMIN))).isEqualTo(expected);
  }

  @Test
  void anEvaluationReadsEveryTaskBeyondHapisSynchronousSearchSize() throws Exception {
    // HAPI answers a plain system search synchronously and stops at this size, without a word.
    int size = storage.getInternalSynchronousSearchSize();
    storage.setInternalSynchronousSearchSize(5);
    try {
      assertThat(ExpectedReport.cellsOf(report(ADMIN))).isEqualTo(expected(false, false));
    } finally {
      storage.setInternalSynchronousSearchSize(size);
    }
  }

  @Test
  void anAnalystCountsOnlyTheConsentedSudTasksAndAccountsEachDisclosedTaskOnce() throws Exception {
    Map<String, String> expected = expected(true, true);
    assertThat(expected)
        .containsEntry("closed-loop||denominator", "11")
        .doesNotContainValue("masked");
    assertThat(ExpectedReport.cellsOf(report(ANALYST))).isEqualTo(expected);

    Referral consented = referrals.get(0);
    List<String> tasks =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> disclosedTasks(consented.patient()), found -> !found.isEmpty());
    // The Task as the search found it (its current, fourth version), once; not each version.
    assertThat(tasks).containsExactly(consented.task() + "/_history/4");
    Referral withheld = referrals.get(CONSENTED);
    assertThat(withheld.consented()).isFalse();
    assertThat(disclosedTasks(withheld.patient())).isEmpty();
  }

  /** The Tasks of {@code patient} listed in the disclosures made to the analysts. */
  private List<String> disclosedTasks(String patient) {
    Bundle bundle =
        fhir()
            .operation()
            .onInstance(patient)
            .named("$disclosures")
            .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
            .returnResourceType(Bundle.class)
            .useHttpGet()
            .execute();
    List<String> tasks = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof AuditEvent event
          && event.getOutcome() == AuditEvent.AuditEventOutcome._0
          && event.getAgent().stream().anyMatch(a -> "demo-analyst".equals(a.getAltId()))) {
        event.getEntity().stream()
            .map(
                e ->
                    e.getWhat().hasReference()
                        ? e.getWhat().getReference()
                        : e.getWhat().getIdentifier().getValue())
            .filter(r -> r != null && r.startsWith("Task/"))
            .forEach(tasks::add);
      }
    }
    return tasks;
  }
}
