package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of a partner, a release team and an analyst on records withheld from them (see {@link
 * AttackScenario}): every path answers as if the withheld records did not exist, and no write
 * reaches them. Each test names the attack it replays.
 */
class AccessGateSecurityIT extends GatewayIntegrationTest {

  private static final String HOUSING = "demo-housing";
  private static final String EMPLOYMENT = "demo-employment";
  private static final String RELEASE_TEAM = "demo-release-team";
  private static final String ANALYST = "demo-analyst";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AttackScenario scenario;

  @BeforeEach
  void scenario() {
    scenario = new AttackScenario(fhir(), fhirAs("demo-ehr"), UUID.randomUUID().toString());
  }

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The diagnostics with the ids of the two compared records made equal. */
    String diagnostics(String id) {
      return json().path("issue").path(0).path("diagnostics").asText().replace(id, "<id>");
    }

    List<String> ids() {
      List<String> ids = new ArrayList<>();
      json()
          .path("entry")
          .forEach(
              entry -> {
                JsonNode resource = entry.path("resource");
                if (!resource.isMissingNode()
                    && !"OperationOutcome".equals(resource.path("resourceType").asText())) {
                  ids.add(
                      resource.path("resourceType").asText() + "/" + resource.path("id").asText());
                }
              });
      return ids;
    }
  }

  private Answer call(String who, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        requestAs(who, "/fhir/" + path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = http(request);
    return new Answer(response.statusCode(), response.body());
  }

  private Answer get(String who, String path) throws Exception {
    return call(who, "GET", path, null, null);
  }

  private Answer batch(String who, String type, String... urls) throws Exception {
    StringBuilder entries = new StringBuilder();
    for (String url : urls) {
      entries
          .append(entries.isEmpty() ? "" : ",")
          .append("{\"request\":{\"method\":\"GET\",\"url\":\"")
          .append(url)
          .append("\"}}");
    }
    return call(
        who,
        "POST",
        "",
        "application/fhir+json",
        "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + entries + "]}");
  }

  private Answer patch(String who, String reference, String operations) throws Exception {
    return call(who, "PATCH", reference, "application/json-patch+json", operations);
  }

  /** A withheld and a missing record must give the same answer, but for their ids. */
  private static void assertIndistinguishable(
      Answer withheld, String withheldId, Answer missing, String missingId) {
    assertThat(withheld.status()).as("status").isEqualTo(missing.status());
    assertThat(withheld.diagnostics(AttackScenario.idOf(withheldId)))
        .isEqualTo(missing.diagnostics(AttackScenario.idOf(missingId)));
  }

  private String tagged() {
    return "_tag=" + AttackScenario.TAG_SYSTEM + "%7C" + scenario.tag;
  }

  // 1. Batch bypasses isolation and consent

  @Test
  void aBatchGetOfAWithheldReferralFindsNothingAsForAMissingOne() throws Exception {
    Answer answer =
        batch(
            HOUSING,
            "batch",
            scenario.withheldReferral,
            AttackScenario.missing(scenario.withheldReferral),
            scenario.withheldTask,
            scenario.withheldPatient);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode entries = answer.json().path("entry");
    assertThat(answer.ids()).isEmpty();
    assertThat(entries.get(0).path("response").path("status").asText()).startsWith("404");
    assertThat(entries.get(0).path("response").path("status").asText())
        .isEqualTo(entries.get(1).path("response").path("status").asText());
    assertThat(answer.body()).doesNotContain("42CFRPart2").doesNotContain("555-0100");
  }

  @Test
  void aBatchGetShowsAPartnerOnlyItsOwnTasksAndMinimumPatients() throws Exception {
    Answer answer =
        batch(
            HOUSING,
            "batch",
            scenario.visiblePatient,
            scenario.visibleTask,
            scenario.withheldTask,
            scenario.employmentObservation,
            scenario.withheldScore);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("\"Visible\"")
        .as("minimum Patient: no contacts")
        .doesNotContain("555-0199");
    assertThat(answer.ids()).containsExactly(scenario.visiblePatient, scenario.visibleTask);
  }

  @Test
  void aBatchSearchGivesAPartnerNoTotalAndNothingWithheld() throws Exception {
    Answer answer =
        batch(
            HOUSING,
            "batch",
            "Task?" + tagged() + "&_total=accurate",
            "Task?" + tagged(),
            "Observation?" + tagged());

    if (answer.status() == 200) {
      JsonNode entries = answer.json().path("entry");
      assertThat(entries.get(0).path("response").path("status").asText()).startsWith("400");
      assertThat(entries.get(1).path("resource").has("total"))
          .as("no total in a batch search")
          .isFalse();
      assertThat(answer.body())
          .doesNotContain(scenario.withheldTask + "\"")
          .doesNotContain(scenario.employmentObservation + "\"");
    } else {
      assertThat(answer.status()).as("refused as a whole by the scope rules").isEqualTo(403);
    }
  }

  @Test
  void aBatchGetGivesTheReleaseTeamNoTreatmentRecordWithoutConsent() throws Exception {
    Answer answer =
        batch(RELEASE_TEAM, "batch", scenario.withheldCondition, scenario.withheldMedication);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.ids()).isEmpty();
    answer
        .json()
        .path("entry")
        .forEach(
            entry -> assertThat(entry.path("response").path("status").asText()).startsWith("404"));
    assertThat(answer.body()).doesNotContain("F11.20").doesNotContain("1819");
  }

  @Test
  void aTransactionGetOfAWithheldRecordFindsNothing() throws Exception {
    Answer answer = batch(HOUSING, "transaction", scenario.withheldReferral);

    assertThat(answer.body())
        .doesNotContain("42CFRPart2")
        .doesNotContain("\"ServiceRequest\",\"id\"");
  }

  // 2. JSON Patch test is an oracle

  @Test
  void patchTestOnAWithheldScoreAnswersAsForAMissingRecordWhateverTheValue() throws Exception {
    String missing = AttackScenario.missing(scenario.withheldScore);
    Answer right =
        patch(
            HOUSING,
            scenario.withheldScore,
            "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":40}]");
    Answer wrong =
        patch(
            HOUSING,
            scenario.withheldScore,
            "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":41}]");
    Answer absent =
        patch(HOUSING, missing, "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":40}]");

    assertThat(right.status()).isEqualTo(404);
    assertIndistinguishable(right, scenario.withheldScore, absent, missing);
    assertIndistinguishable(wrong, scenario.withheldScore, absent, missing);
  }

  @Test
  void patchTestOnAnotherPartnersRecordAndAPatientsContactsTellsNothing() throws Exception {
    Answer note =
        patch(
            HOUSING,
            scenario.employmentObservation,
            "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":7}]");
    Answer contact =
        patch(
            HOUSING,
            scenario.withheldPatient,
            "[{\"op\":\"test\",\"path\":\"/contact/0/telecom/0/value\",\"value\":\"555-0100\"}]");

    assertThat(note.status()).isEqualTo(404);
    assertThat(contact.status()).isIn(403, 404);
    assertThat(
            patch(
                    HOUSING,
                    scenario.withheldPatient,
                    "[{\"op\":\"test\",\"path\":\"/contact/0/telecom/0/value\",\"value\":\"nope\"}]")
                .status())
        .isEqualTo(contact.status());
  }

  @Test
  void patchTestInATransactionTellsNothingEither() throws Exception {
    String body =
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Binary\",\"contentType\":\"application/json-patch+json\",\"data\":\""
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":40}]".getBytes())
            + "\"},\"request\":{\"method\":\"PATCH\",\"url\":\""
            + scenario.withheldScore
            + "\"}}]}";

    Answer right = call(HOUSING, "POST", "", "application/fhir+json", body);
    Answer wrong =
        call(
            HOUSING,
            "POST",
            "",
            "application/fhir+json",
            body.replace(
                java.util.Base64.getEncoder()
                    .encodeToString(
                        "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":40}]".getBytes()),
                java.util.Base64.getEncoder()
                    .encodeToString(
                        "[{\"op\":\"test\",\"path\":\"/valueInteger\",\"value\":41}]".getBytes())));
    String missing = AttackScenario.missing(scenario.withheldScore);
    Answer absent =
        call(
            HOUSING,
            "POST",
            "",
            "application/fhir+json",
            body.replace(scenario.withheldScore, missing));

    assertThat(right.status()).isIn(403, 404);
    assertIndistinguishable(right, scenario.withheldScore, wrong, scenario.withheldScore);
    assertIndistinguishable(right, scenario.withheldScore, absent, missing);
  }

  // 3. Withheld records can be written

  @Test
  void aPartnerCannotPatchOrPutATaskItMayNotSee() throws Exception {
    Answer patched =
        patch(
            HOUSING,
            scenario.withheldTask,
            "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"accepted\"}]");
    String task =
        fhir()
            .read()
            .resource("Task")
            .withId(AttackScenario.idOf(scenario.withheldTask))
            .encodedJson()
            .execute()
            .toString();
    Answer put =
        call(
            HOUSING,
            "PUT",
            scenario.withheldTask,
            "application/fhir+json",
            "{\"resourceType\":\"Task\",\"id\":\""
                + AttackScenario.idOf(scenario.withheldTask)
                + "\",\"status\":\"accepted\","
                + "\"intent\":\"order\",\"owner\":{\"reference\":\"Organization/demo-housing\"}}");

    assertThat(patched.status()).isEqualTo(404);
    assertThat(put.status()).isEqualTo(404);
    assertThat(
            fhir()
                .read()
                .resource(org.hl7.fhir.r4.model.Task.class)
                .withId(scenario.withheldTask)
                .execute()
                .getStatus())
        .isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED);
    assertThat(task).isNotBlank();
  }

  @Test
  void aPartnerCannotRepointItsTaskToAnotherPatientOrReferralOrHandItToAnotherOrganisation()
      throws Exception {
    String id = AttackScenario.idOf(scenario.visibleTask);
    Answer otherPatient =
        patch(
            HOUSING,
            scenario.visibleTask,
            "[{\"op\":\"replace\",\"path\":\"/for/reference\",\"value\":\""
                + scenario.withheldPatient
                + "\"}]");
    Answer otherReferral =
        patch(
            HOUSING,
            scenario.visibleTask,
            "[{\"op\":\"replace\",\"path\":\"/focus/reference\",\"value\":\""
                + scenario.withheldReferral
                + "\"}]");
    Answer otherOwner =
        call(
            HOUSING,
            "PUT",
            scenario.visibleTask,
            "application/fhir+json",
            "{\"resourceType\":\"Task\",\"id\":\""
                + id
                + "\",\"status\":\"requested\",\"intent\":\"order\","
                + "\"focus\":{\"reference\":\""
                + scenario.visibleReferral
                + "\"},\"for\":{\"reference\":\""
                + scenario.visiblePatient
                + "\"},"
                + "\"requester\":{\"reference\":\"Organization/demo-treatment\"},\"owner\":{\"reference\":\"Organization/demo-employment\"}}");

    assertThat(otherPatient.status()).isEqualTo(403);
    assertThat(otherReferral.status()).isEqualTo(403);
    assertThat(otherOwner.status()).isEqualTo(403);
    assertThat(otherOwner.body()).contains("Task.owner");
    var stored = fhir().read().resource(org.hl7.fhir.r4.model.Task.class).withId(id).execute();
    assertThat(stored.getOwner().getReference()).isEqualTo("Organization/demo-housing");
    assertThat(stored.getFor().getReference()).isEqualTo(scenario.visiblePatient);
  }

  @Test
  void theStatusCallbackOnAWithheldTaskAnswersAsForAnUnknownOneAndChangesNothing()
      throws Exception {
    String task = withheldReferralTask();
    String versionBefore =
        fhir()
            .read()
            .resource(org.hl7.fhir.r4.model.Task.class)
            .withId(task)
            .execute()
            .getMeta()
            .getVersionId();
    // An event newer than the Task (older ones are ignored) and not in the future (refused).
    String eventTime =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    String callback =
        "{\"referralId\":\"%s\",\"partnerReferralId\":\"ODH-1\",\"status\":\"ACCEPTED\","
            + "\"eventTime\":\""
            + eventTime
            + "\"}";
    HttpResponse<String> withheld =
        http(
            requestAs(HOUSING, "/api/partners/demo-housing/status")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(callback.formatted(task))));
    HttpResponse<String> unknown =
        http(
            requestAs(HOUSING, "/api/partners/demo-housing/status")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(callback.formatted("987654321"))));

    assertThat(withheld.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
    assertThat(withheld.body().replace(task, "<id>"))
        .isEqualTo(unknown.body().replace("987654321", "<id>"));
    // The relay may mark the Task held-for-consent meanwhile (a version of its own): no version
    // may carry the partner's status.
    org.hl7.fhir.r4.model.Bundle history =
        fhir()
            .history()
            .onInstance(new org.hl7.fhir.r4.model.IdType("Task", task))
            .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
            .execute();
    assertThat(history.getEntry())
        .isNotEmpty()
        .allSatisfy(
            entry ->
                assertThat(((org.hl7.fhir.r4.model.Task) entry.getResource()).getStatus())
                    .isEqualTo(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED));
    assertThat(versionBefore).isNotBlank();
  }

  /** A ReferralTask (profiled, as partners' callbacks need) of a SUD referral to demo-housing. */
  private String withheldReferralTask() {
    org.hl7.fhir.r4.model.ServiceRequest referral = new org.hl7.fhir.r4.model.ServiceRequest();
    referral.getMeta().addProfile("https://continuumcare.org/fhir/StructureDefinition/referral");
    referral
        .setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent.ORDER)
        .setSubject(new Reference(scenario.withheldPatient))
        .setAuthoredOn(new java.util.Date())
        .setOccurrence(
            new org.hl7.fhir.r4.model.Period()
                .setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-02-01")))
        .setRequester(new Reference("Organization/demo-treatment"));
    referral
        .addCategory()
        .addCoding()
        .setSystem(
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes")
        .setCode("housing-instability");
    referral.getCode().setText("Recovery housing placement");
    referral.addPerformer(new Reference("Organization/demo-housing"));
    String referralId =
        fhirAs("demo-ehr")
            .create()
            .resource(referral)
            .execute()
            .getId()
            .toUnqualifiedVersionless()
            .getValue();
    org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
    task.getMeta().addProfile("https://continuumcare.org/fhir/StructureDefinition/referral-task");
    task.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED)
        .setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER)
        .setFocus(new Reference(referralId))
        .setFor(new Reference(scenario.withheldPatient))
        .setAuthoredOn(new java.util.Date())
        .setRequester(new Reference("Organization/demo-treatment"))
        .setOwner(new Reference("Organization/demo-housing"));
    task.getCode()
        .addCoding()
        .setSystem("http://hl7.org/fhir/CodeSystem/task-code")
        .setCode("fulfill");
    return fhir().create().resource(task).execute().getId().getIdPart();
  }

  // 4. Existence oracles

  @Test
  void readAndHistoryOfAWithheldRecordAnswerAsForAMissingOne() throws Exception {
    String missing = AttackScenario.missing(scenario.withheldReferral);

    assertIndistinguishable(
        get(HOUSING, scenario.withheldReferral),
        scenario.withheldReferral,
        get(HOUSING, missing),
        missing);
    assertIndistinguishable(
        get(HOUSING, scenario.withheldReferral + "/_history"),
        scenario.withheldReferral,
        get(HOUSING, missing + "/_history"),
        missing);
    assertIndistinguishable(
        get(ANALYST, scenario.withheldCondition + "/_history"),
        scenario.withheldCondition,
        get(ANALYST, AttackScenario.missing(scenario.withheldCondition) + "/_history"),
        AttackScenario.missing(scenario.withheldCondition));
    assertIndistinguishable(
        get(HOUSING, scenario.withheldReferral + "/_history/1"),
        scenario.withheldReferral,
        get(HOUSING, missing + "/_history/1"),
        missing);
  }

  @Test
  void aReferenceToAWithheldRecordIsRefusedAsOneToAMissingRecord() throws Exception {
    String observation =
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"note\"},"
            + "\"performer\":[{\"reference\":\"Organization/demo-housing\"}],\"basedOn\":[{\"reference\":\"%s\"}]}";
    String missing = AttackScenario.missing(scenario.withheldReferral);
    Answer withheld =
        call(
            HOUSING,
            "POST",
            "Observation",
            "application/fhir+json",
            observation.formatted(scenario.withheldReferral));
    Answer absent =
        call(
            HOUSING,
            "POST",
            "Observation",
            "application/fhir+json",
            observation.formatted(missing));

    assertThat(withheld.status()).isEqualTo(400);
    assertIndistinguishable(withheld, scenario.withheldReferral, absent, missing);
  }

  @Test
  void aPartnerEndpointOfAnotherPartnerAnswersAsOneThatDoesNotExist() throws Exception {
    String body = "{\"referralId\":\"1\",\"outcome\":\"EMPLOYED\"}";
    HttpResponse<String> other =
        http(
            requestAs(HOUSING, "/api/partners/demo-employment/outcomes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    HttpResponse<String> none =
        http(
            requestAs(HOUSING, "/api/partners/no-such-partner/outcomes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(other.statusCode()).isEqualTo(none.statusCode());
  }

  // 5. Organization is not narrowed: _has over records the caller may not see

  @Test
  void hasParametersOverRecordsAPartnerMayNotSeeAreRefused() throws Exception {
    String patient = scenario.withheldPatient;
    for (String query :
        List.of(
            "Organization?_has:MedicationStatement:source:code=1819&_has:MedicationStatement:source:subject="
                + patient,
            "Organization?_has:ServiceRequest:performer:subject=" + patient,
            "Organization?_has:Consent:actor:patient=" + patient)) {
      Answer answer = get(HOUSING, query);
      assertThat(answer.status()).as(query).isEqualTo(403);
      assertThat(answer.body()).as(query).contains("not available to this client");
    }
    assertThat(get(HOUSING, "Organization?_id=demo-housing").ids())
        .containsExactly("Organization/demo-housing");
  }

  // 6. The analyst reads SUD status through AuditEvents and Provenance

  @Test
  void anAnalystSeesNoAuditEventOrProvenanceAboutAWithheldRecord() throws Exception {
    AuditEvent event =
        new AuditEvent()
            .setRecorded(new java.util.Date())
            .setType(
                new Coding("http://dicom.nema.org/resources/ontology/DCM", "110106", "Export"));
    event.addAgent().setRequestor(false).setWho(new Reference("Organization/continuum-gateway"));
    event.getSource().setObserver(new Reference("Organization/continuum-gateway"));
    event
        .addEntity()
        .setWhat(new Reference(scenario.withheldReferral))
        .setDescription("held: SUD record (42 CFR Part 2): no consent");
    event.getMeta().addTag(AttackScenario.TAG_SYSTEM, scenario.tag, null);
    String auditEvent =
        fhir().create().resource(event).execute().getId().toUnqualifiedVersionless().getValue();
    Provenance provenance =
        new Provenance().setRecorded(new InstantType(new java.util.Date()).getValue());
    provenance.addTarget(new Reference(scenario.withheldCondition));
    provenance.addAgent().setWho(new Reference("Organization/continuum-gateway"));
    provenance.getMeta().addTag(AttackScenario.TAG_SYSTEM, scenario.tag, null);
    String derivation =
        fhir()
            .create()
            .resource(provenance)
            .execute()
            .getId()
            .toUnqualifiedVersionless()
            .getValue();

    assertThat(get(ANALYST, "AuditEvent?entity=" + scenario.withheldReferral).ids()).isEmpty();
    assertThat(get(ANALYST, "AuditEvent?" + tagged()).ids()).isEmpty();
    assertThat(get(ANALYST, "Provenance?target=" + scenario.withheldCondition).ids()).isEmpty();
    assertThat(get(ANALYST, auditEvent).status()).isEqualTo(404);
    assertThat(get(ANALYST, derivation).status()).isEqualTo(404);
    assertThat(get(ADMIN, "AuditEvent?entity=" + scenario.withheldReferral).ids())
        .contains(auditEvent);
  }

  // Part 2, no inference: a partner sees a Patient only through a referral or Task it may see now

  @Test
  void aPartnerDoesNotSeeAPersonWhoseOnlyReferralIsWithheld() throws Exception {
    String id = AttackScenario.idOf(scenario.withheldPatient);
    String missing = AttackScenario.missing(scenario.withheldPatient);

    assertIndistinguishable(
        get(HOUSING, scenario.withheldPatient),
        scenario.withheldPatient,
        get(HOUSING, missing),
        missing);
    assertThat(get(HOUSING, "Patient?_id=" + id).ids()).isEmpty();
    assertThat(get(HOUSING, "Patient?" + tagged()).ids()).containsExactly(scenario.visiblePatient);
    assertThat(get(HOUSING, "Patient?" + tagged() + "&_elements=name").ids())
        .containsExactly(scenario.visiblePatient);
    assertThat(get(HOUSING, "Patient?" + tagged() + "&_summary=true").ids())
        .containsExactly(scenario.visiblePatient);
    assertThat(
            get(HOUSING, "ServiceRequest?" + tagged() + "&_include=ServiceRequest:subject").ids())
        .containsExactlyInAnyOrder(scenario.visibleReferral, scenario.visiblePatient);
    assertThat(get(HOUSING, "Patient?" + tagged() + "&_revinclude=ServiceRequest:subject").ids())
        .containsExactlyInAnyOrder(scenario.visiblePatient, scenario.visibleReferral);
    assertIndistinguishable(
        get(HOUSING, scenario.withheldPatient + "/_history"),
        scenario.withheldPatient,
        get(HOUSING, missing + "/_history"),
        missing);
  }

  @Test
  void hasAndChainsThatSelectPatientsBySudRecordsAreRefusedForPartnersAndAnalysts()
      throws Exception {
    for (String caller : List.of(HOUSING, ANALYST)) {
      for (String query :
          List.of(
              "Patient?_has:Condition:subject:code=F11.20",
              "Patient?_has:MedicationStatement:subject:code=1819",
              "Patient?_has:ServiceRequest:subject:_security=42CFRPart2",
              "ServiceRequest?subject._has:Condition:subject:code=F11.20",
              "ServiceRequest?subject:Patient.name=Withheld",
              "Task?focus.category=treatment-continuation",
              "Patient?" + "_sort=organization.name")) {
        Answer answer = get(caller, query);
        assertThat(answer.status()).as(caller + " " + query).isIn(400, 403);
        assertThat(answer.ids()).as(caller + " " + query).isEmpty();
      }
    }
  }

  @Test
  void anAnalystSearchOfSudDiagnosesFindsNoneWithoutConsentAndAnAdministratorFindsThem()
      throws Exception {
    assertThat(get(ANALYST, "Condition?code=F11.20&" + tagged()).ids()).isEmpty();
    assertThat(get(ANALYST, "MedicationStatement?code=1819&" + tagged()).ids()).isEmpty();
    assertThat(get(ADMIN, "Condition?code=F11.20&" + tagged()).ids())
        .containsExactly(scenario.withheldCondition);
  }

  @Test
  void anHttpRequestWithAWithheldRecordInAGraphQlQueryFindsNothing() throws Exception {
    Answer answer =
        get(
            ANALYST,
            scenario.withheldCondition
                + "/$graphql?query="
                + java.net.URLEncoder.encode(
                    "{id code{text}}", java.nio.charset.StandardCharsets.UTF_8));

    assertThat(answer.status()).isIn(400, 403, 404);
    assertThat(answer.body()).doesNotContain("F11");
  }
}
