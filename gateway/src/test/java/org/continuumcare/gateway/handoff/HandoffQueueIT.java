package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.HandoffQueue;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * HL7 v2 enhanced acknowledgment mode in the running gateway on PostgreSQL: a sender asking for the
 * accept acknowledgment only (MSH-15 AL, MSH-16 NE) gets CA once the handoff is queued, the drainer
 * stores it as FHIR, and what the FHIR store refuses is a dead letter administrators see and replay
 * on {@code /api/handoffs/queue}.
 */
class HandoffQueueIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PrisonProperties properties;
  @Autowired HandoffQueue queue;
  @Autowired PrisonHl7v2Translator translator;

  @BeforeEach
  void partnersExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
  }

  /**
   * The sample discharge for a person no other test uses, asking for the accept acknowledgment
   * only.
   */
  private static String acceptOnlyDischarge() {
    String message =
        HandoffHl7v2IT.withUniquePersonId(HandoffFixtures.sample("ADT-A03-01.hl7"))
            .replace("\r\n", "\r")
            .replace('\n', '\r');
    String[] segments = message.split("\r", -1);
    String[] fields = segments[0].split("\\|", -1);
    String[] msh = java.util.Arrays.copyOf(fields, Math.max(17, fields.length));
    for (int i = 0; i < msh.length; i++) {
      msh[i] = msh[i] == null ? "" : msh[i];
    }
    msh[14] = "AL";
    msh[15] = "NE";
    segments[0] = String.join("|", msh);
    return String.join("\r", segments);
  }

  private static String personId(String message) {
    return message.split("\r")[3].split("\\|")[3].split("\\^")[0];
  }

  private int patientsWith(String identifier) {
    return fhir()
        .search()
        .forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().identifier(identifier))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .size();
  }

  @Test
  void anAcceptOnlyDischargeOverMllpIsAnsweredCaThenStoredAsFhir() throws Exception {
    String message = acceptOnlyDischarge();

    String ack = HandoffMllpIT.exchange(message);

    assertThat(HandoffHl7v2IT.msa(ack)[1]).isEqualTo("CA");
    assertThat(HandoffHl7v2IT.msa(ack)[2]).isEqualTo(HandoffHl7v2IT.controlId(message));
    await().atMost(Duration.ofSeconds(60)).until(() -> patientsWith(personId(message)) == 1);
  }

  @Test
  void anAcceptOnlyDischargeOverHttpIsAnswered202WithCa() throws Exception {
    String message = acceptOnlyDischarge();

    HttpResponse<String> response =
        http(
            request("/api/handoffs/hl7v2")
                .header("Content-Type", "x-application/hl7-v2+er7; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message)));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(HandoffHl7v2IT.msa(response.body())[1]).isEqualTo("CA");
    await().atMost(Duration.ofSeconds(60)).until(() -> patientsWith(personId(message)) == 1);
  }

  @Test
  void eightSendersOfTheSameAcceptOnlyMessageAtOnceGetCaAndYieldOnePatientAndOneHandoff()
      throws Exception {
    String message = acceptOnlyDischarge();
    Hl7v2Intake.Translated intake = (Hl7v2Intake.Translated) translator.translate(message);
    List<HttpResponse<String>> answers =
        HandoffFixtures.atOnce(
            8,
            () ->
                http(
                    request("/api/handoffs/hl7v2")
                        .header("Content-Type", "x-application/hl7-v2+er7")
                        .POST(HttpRequest.BodyPublishers.ofString(message))));

    for (HttpResponse<String> answered : answers) {
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
      assertThat(HandoffHl7v2IT.msa(answered.body())[1]).isEqualTo("CA");
    }
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> queue.counts().get("PENDING") == 0 && queue.counts().get("IN_FLIGHT") == 0);
    assertThat(patientsWith(personId(message))).isEqualTo(1);
    Bundle compositions =
        fhir()
            .search()
            .forResource(Composition.class)
            .where(
                Composition.IDENTIFIER
                    .exactly()
                    .systemAndIdentifier(
                        PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM,
                        ReleaseHandoffTransactionMapper.handoffId(intake.handoff())
                            + "-composition"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(compositions.getEntry()).hasSize(1);
  }

  @Test
  void aQueuedHandoffTheStoreRefusesIsADeadLetterAdministratorsSeeAndReplay() throws Exception {
    Hl7v2Intake.Translated intake =
        (Hl7v2Intake.Translated) translator.translate(acceptOnlyDischarge());
    Bundle transaction = intake.transaction();
    transaction.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance)
        .map(Patient.class::cast)
        .findFirst()
        .orElseThrow()
        .setManagingOrganization(new Reference("Organization/no-such-organization"));
    long id =
        queue.enqueue(
            intake.header(),
            intake.handoff(),
            FHIR.newJsonParser().encodeResourceToString(transaction));

    JsonNode dead =
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(id), node -> node != null);

    assertThat(dead.get("controlId").asText()).isEqualTo(intake.header().controlId());
    assertThat(dead.get("attempts").asInt()).isEqualTo(1);
    assertThat(dead.get("reason").asText())
        .contains("refused by the FHIR store")
        .contains("no-such-organization");
    assertThat(dead.has("transactionJson")).as("no clinical content in the listing").isFalse();
    HttpResponse<String> replay =
        http(
            request("/api/handoffs/queue/" + id + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(replay.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(id), node -> node != null);
  }

  @Test
  void replayingSomethingThatIsNotADeadLetterIsA404ProblemDocument() throws Exception {
    HttpResponse<String> response =
        http(
            request("/api/handoffs/queue/987654321/replay")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("987654321");
  }

  @Test
  void theQueueIsForAdministratorsOnly() throws Exception {
    assertThat(http(requestAs("demo-release-team", "/api/handoffs/queue").GET()).statusCode())
        .isEqualTo(403);
    assertThat(
            http(requestAs("demo-release-team", "/api/handoffs/queue/1/replay")
                    .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(403);
    assertThat(http(anonymousRequest("/api/handoffs/queue").GET()).statusCode()).isEqualTo(401);
    HttpResponse<String> admin = http(request("/api/handoffs/queue").GET());
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).get("counts").has("DEAD")).isTrue();
  }

  @Test
  void theQueueIsAGaugePerState() throws Exception {
    HttpResponse<String> metrics = http(anonymousRequest("/actuator/prometheus").GET());

    assertThat(
            metrics
                .body()
                .lines()
                .filter(line -> line.startsWith("continuum_prison_handoff_queue{")))
        .anySatisfy(line -> assertThat(line).contains("state=\"pending\""))
        .anySatisfy(line -> assertThat(line).contains("state=\"in_flight\""))
        .anySatisfy(line -> assertThat(line).contains("state=\"dead\""));
  }

  private JsonNode deadLetter(long id) throws Exception {
    JsonNode status = JSON.readTree(http(request("/api/handoffs/queue").GET()).body());
    for (JsonNode dead : status.get("deadLetters")) {
      if (dead.get("id").asLong() == id) {
        return dead;
      }
    }
    return null;
  }
}
