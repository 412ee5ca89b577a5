package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.Tokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One request may not make the server work without bound. Searches that nest {@code _has} or chain
 * references too deep are refused before any SQL runs; a statement of a {@code /fhir} request that
 * runs longer than the statement timeout (10 s in this suite) is cancelled and answered 400
 * too-costly, while the gateway's own work has no such limit.
 *
 * <p>A statement is made to run long by locking the table it reads (the coordinates index, which
 * only Location searches read) from another connection: PostgreSQL counts lock waits against {@code
 * statement_timeout}, and no test data volume is needed.
 */
class BoundedWorkSecurityIT extends GatewayIntegrationTest {

  private static final String FHIR_JSON = "application/fhir+json";
  private static final String NESTED_HAS = "_has:Condition:subject:_has:Observation:subject:code";
  private static final String LOCATION_SEARCH = "Location?near=42.36|-71.06|10|km";

  @Autowired private PlatformTransactionManager transactionManager;
  @Autowired private DataSource dataSource;

  @Test
  void aSearchWhoseStatementRunsOverTheTimeoutIsAnswered400TooCostlyWithoutAStackTrace()
      throws Exception {
    try (TableLock ignored = TableLock.on("hfj_spidx_coords");
        ServerLog log = ServerLog.capture()) {
      HttpResponse<String> response = get("/fhir/" + LOCATION_SEARCH);

      assertThat(response.statusCode()).isEqualTo(400);
      OperationOutcome.OperationOutcomeIssueComponent issue = issue(response);
      assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
      assertThat(issue.getDiagnostics())
          .contains("longer than 10000 ms")
          .contains("continuum.fhir.search.statement-timeout");
      String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
      assertThat(log.errorsOfRequest(requestId)).isEmpty();
      assertThat(log.stackTracesOfRequest(requestId)).isEmpty();
    }
  }

  @Test
  void aTransactionWhoseReadRunsOverTheTimeoutStoresNothingAndNamesTheEntry() throws Exception {
    String system = uniqueSystem();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("written-before-the-slow-read");
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:" + UUID.randomUUID())
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(LOCATION_SEARCH);

    HttpResponse<String> response;
    try (TableLock ignored = TableLock.on("hfj_spidx_coords")) {
      response =
          http(
              request("/fhir")
                  .header("Content-Type", FHIR_JSON)
                  .header("Accept", FHIR_JSON)
                  .POST(
                      BodyPublishers.ofString(
                          FHIR.newJsonParser().encodeResourceToString(transaction))));
    }

    assertThat(response.statusCode()).isEqualTo(400);
    OperationOutcome.OperationOutcomeIssueComponent issue = issue(response);
    assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
    assertThat(issue.getDiagnostics())
        .startsWith("Bundle.entry[1] (GET " + LOCATION_SEARCH + "): ");
    assertThat(
            fhir()
                .search()
                .byUrl("Patient?identifier=" + system + "|")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void theStatementOfAClientThatDisconnectsIsCancelledLongBeforeTheTimeout() throws Exception {
    String token = Tokens.request(baseUrl(), ADMIN, ADMIN + "-secret", null);
    String requestId = "disconnect-" + UUID.randomUUID();
    String query = LOCATION_SEARCH.replace("|", "%7C");
    try (TableLock lock = TableLock.on("hfj_spidx_coords");
        ServerLog log = ServerLog.capture()) {
      long sent = System.nanoTime();
      try (Socket client = new Socket("localhost", port)) {
        client
            .getOutputStream()
            .write(
                ("GET /fhir/"
                        + query
                        + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer "
                        + token
                        + "\r\nAccept: "
                        + FHIR_JSON
                        + "\r\n"
                        + "X-Request-ID: "
                        + requestId
                        + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        await().atMost(Duration.ofSeconds(8)).until(() -> lock.waitingBackends() == 1);
      } // the client gives up and closes its connection

      await().atMost(Duration.ofSeconds(8)).until(() -> lock.waitingBackends() == 0);
      assertThat(Duration.ofNanos(System.nanoTime() - sent))
          .as("cancelled because the client left, not by the 10 s statement timeout")
          .isLessThan(Duration.ofSeconds(8));
      await().atMost(Duration.ofSeconds(20)).until(() -> log.answered(requestId));
      assertThat(log.messagesOf("continuum.access"))
          .anySatisfy(line -> assertThat(line).contains("-> 499"));
      assertThat(log.messagesOf("org.continuumcare.gateway.fhir.AbandonedRequestWatch"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("GET /fhir/Location")
                      .contains(requestId)
                      .contains("disconnected"));
      assertThat(log.errorsOfRequest(requestId)).isEmpty();
      assertThat(log.stackTracesOfRequest(requestId)).isEmpty();
    }
  }

  @Test
  void workBegunWithoutAFhirRequestHasNoStatementTimeout() throws Exception {
    TransactionTemplate background = new TransactionTemplate(transactionManager);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String setting =
        background.execute(status -> jdbc.queryForObject("SHOW statement_timeout", String.class));
    assertThat(setting).isEqualTo("0");

    CompletableFuture<Long> waiting;
    try (TableLock lock = TableLock.on("hfj_spidx_coords")) {
      waiting =
          CompletableFuture.supplyAsync(
              () ->
                  background.execute(
                      status ->
                          jdbc.queryForObject(
                              "SELECT count(*) FROM hfj_spidx_coords", Long.class)));
      // While it waits on the lock, a /fhir request reading the same table is cut off at 10 s.
      assertThat(get("/fhir/" + LOCATION_SEARCH).statusCode()).isEqualTo(400);
      assertThat(lock.waitingBackends())
          .as("the background reader still waits, beyond the API's timeout")
          .isEqualTo(1);
      assertThat(waiting).isNotDone();
    }
    assertThat(waiting.get(60, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void aSearchNestingHasTwoLevelsIsRefusedWith400NamingTheParameterAndTheLimit() throws Exception {
    try (ServerLog log = ServerLog.capture()) {
      HttpResponse<String> response = get("/fhir/Patient?" + NESTED_HAS + "=F11.20");

      assertThat(response.statusCode()).isEqualTo(400);
      OperationOutcome.OperationOutcomeIssueComponent issue = issue(response);
      assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
      assertThat(issue.getDiagnostics()).contains("'" + NESTED_HAS + "'").contains("at most 1");
      assertThat(log.errorsMentioning(NESTED_HAS)).as("an expected refusal is no ERROR").isEmpty();
    }
  }

  @Test
  void aChainOfThreeReferencesIsRefusedWith400() throws Exception {
    HttpResponse<String> response =
        get("/fhir/ServiceRequest?subject:Patient.organization.partof.name=Clinic");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(issue(response).getDiagnostics())
        .contains("'subject:Patient.organization.partof.name'")
        .contains("chains of at most 2");
  }

  @Test
  void theSearchOfTheFindingPassesTheDepthLimitAndEndsWithinTheStatementTimeout() throws Exception {
    // One _has level inside one chained hop: within the depth limits. Its ten-way join is what ran
    // for hours in the finding; with the suite's data it may finish or be cancelled, never run on.
    long started = System.nanoTime();
    HttpResponse<String> response =
        get("/fhir/ServiceRequest?subject._has:Condition:subject:code=F11.20");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    if (response.statusCode() != 200) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(issue(response).getDiagnostics())
          .contains("longer than 10000 ms")
          .doesNotContain("nests _has");
    }
  }

  @Test
  void theLimitHoldsForAConditionalCreateWhichThenStoresNothing() throws Exception {
    String system = uniqueSystem();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("conditional");

    HttpResponse<String> response =
        http(
            request("/fhir/Patient")
                .header("Content-Type", FHIR_JSON)
                .header("Accept", FHIR_JSON)
                .header("If-None-Exist", NESTED_HAS + "=F11.20")
                .POST(
                    BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(patient))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(issue(response).getDiagnostics()).contains(NESTED_HAS);
    assertThat(
            fhir()
                .search()
                .byUrl("Patient?identifier=" + system + "|")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void theLimitHoldsForTheGetEntriesOfABatch() throws Exception {
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch
        .addEntry()
        .getRequest()
        .setMethod(Bundle.HTTPVerb.GET)
        .setUrl("Patient?" + NESTED_HAS + "=F11.20");

    try (ServerLog log = ServerLog.capture()) {
      HttpResponse<String> response =
          http(
              request("/fhir")
                  .header("Content-Type", FHIR_JSON)
                  .header("Accept", FHIR_JSON)
                  .POST(
                      BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(batch))));

      assertThat(response.statusCode()).isEqualTo(200);
      Bundle answer = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
      assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("400");
      OperationOutcome outcome =
          (OperationOutcome) answer.getEntryFirstRep().getResponse().getOutcome();
      assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(NESTED_HAS);
      // The entry ran on the request's own thread, not on a pool thread outside the request's
      // limits.
      assertThat(log.errorsMentioning(NESTED_HAS)).isEmpty();
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    int query = pathAndQuery.indexOf('?');
    StringBuilder encoded = new StringBuilder(pathAndQuery.substring(0, query + 1));
    for (String pair : pathAndQuery.substring(query + 1).split("&")) {
      int equals = pair.indexOf('=');
      encoded
          .append(encoded.charAt(encoded.length() - 1) == '?' ? "" : "&")
          .append(URLEncoder.encode(pair.substring(0, equals), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return http(request(encoded.toString()).header("Accept", FHIR_JSON).GET());
  }

  private static OperationOutcome.OperationOutcomeIssueComponent issue(
      HttpResponse<String> response) {
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep();
  }
}
