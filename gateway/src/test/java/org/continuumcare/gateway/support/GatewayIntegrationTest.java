package org.continuumcare.gateway.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.continuumcare.gateway.ContinuumGatewayApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every gateway integration test: the whole application on a random port, on a real
 * (embedded) PostgreSQL with the {@code postgres} profile, exactly as production runs it. All
 * subclasses share this one Spring context (one startup for the suite): do not add context
 * configuration, {@code @MockBean}s or {@code @DirtiesContext} to a subclass. Tests isolate their
 * data with {@link #uniqueSystem()} instead of cleaning the database.
 */
@SpringBootTest(
    classes = ContinuumGatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "continuum.http.max-request-body=1MB",
      "continuum.data-dir=target/it-data",
      // An analytics SQL statement is stopped after this (production: 30 s), so ViewExportIT proves
      // it quickly.
      "continuum.analytics.sql-timeout=2s",
      "continuum.measures.schedule.enabled=false",
      // Tokens from the gateway's own development issuer, forced on in the postgres profile.
      "continuum.security.dev-issuer.enabled=true",
      "continuum.security.dev-issuer.force=true",
      "continuum.security.dev-issuer.issuer=" + GatewayIntegrationTest.ISSUER,
      // A delivery held for consent is checked again after this (production: 5 min). A consent
      // arriving while the gate is deciding is only seen at that re-check (see the relay README).
      "continuum.relay.held-recheck=10s",
      // A half-sent MLLP frame is dropped after this (production: 15 s).
      "continuum.prison.mllp.frame-timeout=2s",
      // A /fhir request's database statements are cancelled after this (production: 30 s), so
      // BoundedWorkSecurityIT proves the timeout without waiting half a minute per case.
      "continuum.fhir.search.statement-timeout=10s",
      // Nothing in flight needs finishing when the suite ends (production: 15 s).
      "camel.main.shutdown-timeout=2"
    })
@ExtendWith(ShutdownInOrder.class)
@ActiveProfiles("postgres")
@AutoConfigureObservability(tracing = false)
public abstract class GatewayIntegrationTest {

  protected static final FhirContext FHIR = FhirContext.forR4Cached();

  /** The {@code iss} of the suite's development issuer. */
  protected static final String ISSUER = "http://continuum.test";

  static {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
  }

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void embeddedPostgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedPostgresDatabase::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    // The prison handoff's MLLP listener on a port free now, never 2575 (a running gateway).
    registry.add("continuum.prison.mllp-port", () -> MLLP_PORT);
  }

  /** Port of the prison handoff's MLLP listener in this suite's context. */
  protected static final int MLLP_PORT = freePort();

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  protected String fhirBase() {
    return baseUrl() + "/fhir";
  }

  /**
   * Client id of the demo administrator, whose token {@link #fhir()} and {@link #request} carry.
   */
  protected static final String ADMIN = "demo-admin";

  /** A FHIR client acting as the demo administrator (every scope). */
  protected IGenericClient fhir() {
    return fhirAs(ADMIN);
  }

  /** A FHIR client whose requests carry a bearer token of the demo client {@code clientId}. */
  protected IGenericClient fhirAs(String clientId) {
    IGenericClient client = FHIR.newRestfulGenericClient(fhirBase());
    Tokens.bearer(this, clientId)
        .ifPresent(
            token ->
                client.registerInterceptor(
                    new ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor(token)));
    return client;
  }

  /** A FHIR client with no credentials at all. */
  protected IGenericClient anonymousFhir() {
    return FHIR.newRestfulGenericClient(fhirBase());
  }

  /** An identifier system no other test uses, so each test sees only its own resources. */
  protected static String uniqueSystem() {
    return "urn:continuum:test:" + UUID.randomUUID();
  }

  protected HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .build()
        .send(
            request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A release handoff in HL7 v2 (ER7) posted to {@code /api/handoffs/hl7v2} as the administrator.
   */
  protected HttpResponse<String> postHandoffEr7(String message) throws Exception {
    return http(
        request("/api/handoffs/hl7v2")
            .header("Content-Type", "x-application/hl7-v2+er7; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(message)));
  }

  /** A release handoff in JSON posted to {@code /api/handoffs} as the administrator. */
  protected HttpResponse<String> postHandoffJson(String body) throws Exception {
    return http(
        request("/api/handoffs")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request to {@code path} as the demo administrator. */
  protected HttpRequest.Builder request(String path) {
    return requestAs(ADMIN, path);
  }

  /** A request to {@code path} carrying a bearer token of the demo client {@code clientId}. */
  protected HttpRequest.Builder requestAs(String clientId, String path) {
    HttpRequest.Builder request = anonymousRequest(path);
    Tokens.bearer(this, clientId)
        .ifPresent(token -> request.header("Authorization", "Bearer " + token));
    return request;
  }

  /** A request to {@code path} with no credentials. */
  protected HttpRequest.Builder anonymousRequest(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path));
  }
}
