package org.continuumcare.gateway.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.gclient.TokenClientParam;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.EmbeddedPostgresDatabase;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.PartnerEndpoints;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The release lifecycle in HL7 v2, over HTTP and MLLP: a pending discharge (A16) creates the
 * handoff and its cancel (A25) withdraws it; a discharge (A03) confirms it and its cancel (A13)
 * withdraws it; the withdrawal is queued by the relay for the partner the handoff went to.
 * Training/debugging messages and cancels of unknown handoffs are refused, and a store that fails
 * answers AR with nothing kept. The receiving provider has a (WireMock) Endpoint only while a test
 * runs.
 */
class HandoffLifecycleIT extends GatewayIntegrationTest {

  private static final String PERSON_OID = "2.16.840.1.113883.3.999.1";
  private static final String PERSON_SYSTEM = "urn:oid:" + PERSON_OID;
  private static WireMockServer provider;

  @Autowired PrisonProperties properties;
  @Autowired PrisonHl7v2Translator translator;
  @Autowired OutboxStore outbox;

  private String endpointId;
  private String person;

  @BeforeAll
  static void startProvider() {
    provider = new WireMockServer(options().dynamicPort());
    provider.start();
  }

  @AfterAll
  static void stopProvider() {
    provider.stop();
  }

  @BeforeEach
  void providerHasAnEndpoint() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
    person = "LC-" + Long.toString(System.nanoTime(), 36);
    String path = "t" + UUID.randomUUID().toString().substring(0, 8);
    provider.stubFor(
        put(urlPathMatching("/" + path + "/fhir/.*")).willReturn(aResponse().withStatus(201)));
    Endpoint endpoint =
        PartnerEndpoints.fhirRest(
            properties.receivingProviderId(), provider.baseUrl() + "/" + path + "/fhir");
    endpointId = fhir().create().resource(endpoint).execute().getId().getIdPart();
  }

  @AfterEach
  void providerEndpointOff() {
    Endpoint endpoint = fhir().read().resource(Endpoint.class).withId(endpointId).execute();
    endpoint.setStatus(Endpoint.EndpointStatus.OFF);
    fhir().update().resource(endpoint).execute();
  }

  /**
   * An ADT message (v2.5.1) of this test's person, visit V-1: PV1-45 release (A03) or PV2-9
   * expected (A16).
   */
  private String message(String event, String structure, String processingId) {
    String[] pv1 = new String[46];
    Arrays.fill(pv1, "");
    pv1[0] = "PV1";
    pv1[1] = "1";
    pv1[2] = "I";
    pv1[3] = "UNIT-B^12^1^Riverside CF";
    pv1[19] = "V-1";
    if ("A03".equals(event)) {
      pv1[45] = "20261120090000";
    }
    String pv2 = "PV2" + "|".repeat(9) + "20261120";
    return String.join(
        "\r",
        "MSH|^~\\&|JMS|RIVERSIDE CF^2.16.840.1.113883.3.999^ISO|CONTINUUM|GATEWAY|20261118153000+0000||ADT^"
            + event
            + "^"
            + structure
            + "|"
            + event
            + "-"
            + person
            + "|"
            + processingId
            + "|2.5.1",
        "EVN|" + event + "|20261118153000",
        "PID|1||" + person + "^^^RCF&" + PERSON_OID + "&ISO^MR||Reyes^Jordan^M||19910412|M",
        String.join("|", pv1),
        pv2);
  }

  private static String mllp(String message) throws Exception {
    return HandoffMllpIT.exchange(message);
  }

  private String handoffId() {
    Hl7v2Intake intake = translator.translate(message("A16", "ADT_A16", "P"));
    return ReleaseHandoffTransactionMapper.handoffId(((Hl7v2Intake.Translated) intake).handoff());
  }

  private <T extends Resource> T byIdentifier(Class<T> type, String value) {
    Bundle found =
        fhir()
            .search()
            .forResource(type)
            .where(
                new TokenClientParam("identifier")
                    .exactly()
                    .systemAndIdentifier(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM, value))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).as(type.getSimpleName() + " " + value).hasSize(1);
    return type.cast(found.getEntryFirstRep().getResource());
  }

  private List<Patient> patients() {
    return fhir()
        .search()
        .forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(PERSON_SYSTEM, person))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .stream()
        .map(e -> (Patient) e.getResource())
        .toList();
  }

  private static String ackCode(String ack) {
    return HandoffHl7v2IT.msa(ack)[1];
  }

  /** The ERR segments of an ACK, each as its fields. */
  private static List<String[]> errs(String ack) {
    return Arrays.stream(ack.split("[\r\n]+"))
        .filter(s -> s.startsWith("ERR|"))
        .map(s -> s.split("\\|", -1))
        .toList();
  }

  /**
   * The relay queued this version of the resource for the receiving provider (the partner it went
   * to).
   */
  private void queuedForTheProvider(Resource resource) {
    String type = resource.fhirType();
    String id = resource.getIdElement().getIdPart();
    long version = resource.getIdElement().getVersionIdPartAsLong();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(outbox.listForResource(type, id))
                    .as(type + " version " + version + " queued")
                    .anySatisfy(
                        row -> {
                          assertThat(row.partnerId()).isEqualTo(properties.receivingProviderId());
                          assertThat(row.resourceVersion()).isEqualTo(version);
                        }));
  }

  private void assertWithdrawn(String handoffId, String event) {
    Composition composition = byIdentifier(Composition.class, handoffId + "-composition");
    assertThat(composition.getStatus()).isEqualTo(Composition.CompositionStatus.ENTEREDINERROR);
    ServiceRequest referral = byIdentifier(ServiceRequest.class, handoffId + "-referral-treatment");
    assertThat(referral.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    Task task = byIdentifier(Task.class, handoffId + "-task-treatment");
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
    assertThat(task.getStatusReason().getText()).contains("ADT^" + event);
    queuedForTheProvider(composition);
    queuedForTheProvider(referral);
    queuedForTheProvider(task);
  }

  @Test
  void aPendingDischargeA16CreatesTheHandoffAndItsCancelA25WithdrawsItEverywhereItWentOverHttp()
      throws Exception {
    HttpResponse<String> pending = postHandoffEr7(message("A16", "ADT_A16", "P"));
    assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
    assertThat(ackCode(pending.body())).isEqualTo("AA");
    String handoffId = handoffId();
    assertThat(byIdentifier(Composition.class, handoffId + "-composition").getStatus())
        .isEqualTo(Composition.CompositionStatus.FINAL);
    assertThat(byIdentifier(Task.class, handoffId + "-task-treatment").getStatus())
        .isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(byIdentifier(Encounter.class, handoffId + "-encounter").getStatus())
        .as("a pending discharge is not a release yet")
        .isEqualTo(Encounter.EncounterStatus.INPROGRESS);
    // The person consents to the disclosure, so the provider receives the handoff and then its
    // withdrawal.
    fhir()
        .create()
        .resource(
            org.continuumcare.gateway.consent.ConsentFixtures.consent(
                patients().get(0).getIdElement().getIdPart(),
                "2026-01-01",
                "2099-12-31",
                new String[] {"Organization/" + properties.receivingProviderId()},
                "COC"))
        .execute();

    HttpResponse<String> cancel = postHandoffEr7(message("A25", "ADT_A21", "P"));

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
    assertThat(ackCode(cancel.body())).isEqualTo("AA");
    assertWithdrawn(handoffId, "A25");
    ca.uhn.fhir.parser.IParser json = FHIR.newJsonParser();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(
                      provider.findAll(
                          com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                              urlPathMatching(".*/fhir/Task"))))
                  .as("the provider received the cancelled Task")
                  .anySatisfy(
                      sent -> {
                        Task task = json.parseResource(Task.class, sent.getBodyAsString());
                        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
                        assertThat(task.getIdentifierFirstRep().getValue())
                            .isEqualTo(handoffId + "-task-treatment");
                      });
              assertThat(
                      provider.findAll(
                          com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                              urlPathMatching(".*/fhir/ServiceRequest"))))
                  .as("the provider received the revoked referral")
                  .anySatisfy(
                      sent ->
                          assertThat(
                                  json.parseResource(ServiceRequest.class, sent.getBodyAsString())
                                      .getStatus())
                              .isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED));
            });
    long taskVersion =
        byIdentifier(Task.class, handoffId + "-task-treatment")
            .getIdElement()
            .getVersionIdPartAsLong();

    HttpResponse<String> resent = postHandoffEr7(message("A25", "ADT_A21", "P"));

    assertThat(ackCode(resent.body())).isEqualTo("AA");
    assertThat(
            byIdentifier(Task.class, handoffId + "-task-treatment")
                .getIdElement()
                .getVersionIdPartAsLong())
        .as("a resent cancel changes nothing")
        .isEqualTo(taskVersion);
  }

  @Test
  void aDischargeA03ConfirmsThePendingHandoffAndItsCancelA13WithdrawsItOverMllp() throws Exception {
    assertThat(ackCode(mllp(message("A16", "ADT_A16", "P")))).isEqualTo("AA");
    String handoffId = handoffId();
    String taskId =
        byIdentifier(Task.class, handoffId + "-task-treatment").getIdElement().getIdPart();

    assertThat(ackCode(mllp(message("A03", "ADT_A03", "P")))).isEqualTo("AA");

    assertThat(byIdentifier(Encounter.class, handoffId + "-encounter").getStatus())
        .as("the discharge confirms the release")
        .isEqualTo(Encounter.EncounterStatus.FINISHED);
    assertThat(byIdentifier(Task.class, handoffId + "-task-treatment").getIdElement().getIdPart())
        .as("the same handoff, updated")
        .isEqualTo(taskId);
    assertThat(patients()).hasSize(1);

    String ack = mllp(message("A13", "ADT_A01", "P"));

    assertThat(ackCode(ack)).as(ack).isEqualTo("AA");
    assertWithdrawn(handoffId, "A13");
  }

  @Test
  void aCancelOfAHandoffThatWasNeverStoredGetsAeNamingPid3AndPv119() throws Exception {
    HttpResponse<String> overHttp = postHandoffEr7(message("A13", "ADT_A01", "P"));
    String overMllp = mllp(message("A11", "ADT_A09", "P"));

    for (String ack : List.of(overHttp.body(), overMllp)) {
      assertThat(ackCode(ack)).as(ack).isEqualTo("AE");
      assertThat(errs(ack))
          .extracting(err -> err[2] + " " + err[3])
          .containsExactly(
              "PID^1^3^1 204^Unknown key identifier^HL70357",
              "PV1^1^19^1 204^Unknown key identifier^HL70357");
    }
    assertThat(overHttp.statusCode()).isEqualTo(422);
    assertThat(patients()).isEmpty();
  }

  @Test
  void trainingAndDebuggingMessagesAreRejectedAr202AndLeaveNoTraceInTheStore() throws Exception {
    HttpResponse<String> training = postHandoffEr7(message("A03", "ADT_A03", "T"));
    String debugging = mllp(message("A16", "ADT_A16", "D"));

    assertThat(training.statusCode()).isEqualTo(400);
    for (String ack : List.of(training.body(), debugging)) {
      assertThat(ackCode(ack)).as(ack).isEqualTo("AR");
      assertThat(errs(ack))
          .singleElement()
          .satisfies(
              err -> {
                assertThat(err[2]).isEqualTo("MSH^1^11^1");
                assertThat(err[3]).startsWith("202^");
              });
    }
    assertThat(patients()).isEmpty();
    Bundle binaries =
        fhir()
            .search()
            .forResource(org.hl7.fhir.r4.model.Binary.class)
            .where(
                new TokenClientParam("_id")
                    .exactly()
                    .code(
                        UUID.nameUUIDFromBytes(
                                message("A03", "ADT_A03", "T")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .toString()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(binaries.getEntry()).isEmpty();
  }

  @Test
  void whenTheStoreFailsAHandoffIsRejectedArWithNothingKeptAndCanBeSentAgain() throws Exception {
    HttpResponse<String> overHttp;
    String overMllp;
    try (StoreFailure ignored = StoreFailure.onCompositionWrites()) {
      overHttp = postHandoffEr7(message("A16", "ADT_A16", "P"));
      overMllp = mllp(message("A03", "ADT_A03", "P"));
    }

    assertThat(overHttp.statusCode()).isEqualTo(503);
    for (String ack : List.of(overHttp.body(), overMllp)) {
      assertThat(ackCode(ack)).as(ack).isEqualTo("AR");
      assertThat(errs(ack)).singleElement().satisfies(err -> assertThat(err[3]).startsWith("207^"));
    }
    assertThat(patients()).isEmpty();
    assertThat(ackCode(postHandoffEr7(message("A16", "ADT_A16", "P")).body()))
        .as("sent again once the store is back")
        .isEqualTo("AA");
    assertThat(patients()).hasSize(1);
  }

  /**
   * The store fails as a full disk would (SQLSTATE 53100) for every Composition write while open: a
   * trigger on HAPI's resource table of the suite's PostgreSQL, dropped on close. Only handoffs
   * write Compositions.
   */
  private static final class StoreFailure implements AutoCloseable {

    private static StoreFailure onCompositionWrites() throws Exception {
      execute(
          "CREATE OR REPLACE FUNCTION continuum_test_store_down() RETURNS trigger LANGUAGE plpgsql AS $$"
              + " BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100';"
              + " END $$");
      execute(
          "CREATE TRIGGER continuum_test_store_down BEFORE INSERT OR UPDATE ON hfj_resource FOR EACH ROW"
              + " WHEN (NEW.res_type = 'Composition') EXECUTE FUNCTION continuum_test_store_down()");
      return new StoreFailure();
    }

    private static void execute(String sql) throws Exception {
      try (Connection connection =
              DriverManager.getConnection(
                  EmbeddedPostgresDatabase.jdbcUrl(), "postgres", "postgres");
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    @Override
    public void close() throws Exception {
      execute("DROP TRIGGER IF EXISTS continuum_test_store_down ON hfj_resource");
    }
  }
}
