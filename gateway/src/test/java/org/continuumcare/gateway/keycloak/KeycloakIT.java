package org.continuumcare.gateway.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.continuumcare.gateway.ContinuumGatewayApplication;
import org.continuumcare.gateway.support.EmbeddedPostgresDatabase;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with a real Keycloak as its OpenID Connect provider, configured only by the realm
 * file the repository ships ({@code deploy/keycloak/continuum-realm.json}): a partner system's
 * client-credentials token and a console user's token (authorization code with PKCE, the sign-in
 * form of Keycloak posted as a browser would) are both taken by the gateway, each acting for its
 * organisation, and the user is named in the audit trail.
 *
 * <p>Runs with the Maven profile {@code keycloak} (which unpacks {@code keycloak-quarkus-dist} into
 * {@code target/keycloak} and sets {@code keycloak.home}); skipped otherwise.
 */
@EnabledIfSystemProperty(named = "keycloak.home", matches = ".+")
@SpringBootTest(
    classes = ContinuumGatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "continuum.data-dir=target/it-data-keycloak",
      "continuum.security.dev-issuer.enabled=false",
      "continuum.security.audience=continuum-gateway",
      "camel.main.shutdown-timeout=2"
    })
@ActiveProfiles("postgres")
class KeycloakIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  /** Registered in the realm; the test reads the redirect, nothing needs to answer there. */
  private static final String CONSOLE_REDIRECT = "http://localhost:8080/console/";

  private static KeycloakServer keycloak;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void keycloakIssuer(DynamicPropertyRegistry registry) {
    keycloak =
        KeycloakServer.start(
            Path.of(System.getProperty("keycloak.home")),
            Path.of(
                System.getProperty("keycloak.realm", "../deploy/keycloak/continuum-realm.json")),
            Path.of("target", "keycloak.log"));
    registry.add("continuum.security.issuer-uri", keycloak::issuer);
    registry.add("continuum.security.token-endpoint", keycloak::tokenEndpoint);
    registry.add("continuum.security.authorization-endpoint", keycloak::authorizationEndpoint);
    registry.add("spring.datasource.url", EmbeddedPostgresDatabase::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    int mllpPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      mllpPort = socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    registry.add("continuum.prison.mllp-port", () -> mllpPort);
  }

  @AfterAll
  static void stopKeycloak() {
    if (keycloak != null) {
      keycloak.stop();
    }
  }

  @Test
  void partnerSystemsAndConsoleUsersActForTheirOrganisationWithKeycloakTokens() throws Exception {
    String admin = clientCredentials("demo-admin");
    String system = "urn:continuum:test:" + UUID.randomUUID();
    for (String id : new String[] {"demo-housing", "demo-employment", "demo-treatment"}) {
      send(
          admin,
          "PUT",
          "/fhir/Organization/" + id,
          "{\"resourceType\":\"Organization\",\"id\":\"" + id + "\",\"active\":true}");
    }
    String patient =
        created(
            send(
                admin,
                "POST",
                "/fhir/Patient",
                "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\""
                    + system
                    + "\",\"value\":\"p\"}]}"));
    String housing =
        created(
            send(admin, "POST", "/fhir/ServiceRequest", referral(system, patient, "demo-housing")));
    created(
        send(admin, "POST", "/fhir/ServiceRequest", referral(system, patient, "demo-employment")));

    // A partner system: client credentials, its organisation from the realm's claim mappers.
    String housingSystem = clientCredentials("demo-housing");
    assertThat(referrals(housingSystem, system)).containsExactly(housing);

    // A console user: authorization code with PKCE at Keycloak's own sign-in form.
    String casey = signIn("casey", "casey-demo");
    JsonNode claims = claims(casey);
    assertThat(claims.get("fhirUser").asText()).isEqualTo("Practitioner/demo-user-casey");
    assertThat(referrals(casey, system)).containsExactly(housing);

    HttpResponse<String> refused = send(casey, "GET", "/fhir/Composition", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<String> audit = send(admin, "GET", "/fhir/AuditEvent?altid=casey", null);
    Bundle events = FHIR.newJsonParser().parseResource(Bundle.class, audit.body());
    assertThat(events.getEntry()).isNotEmpty();
    assertThat(((AuditEvent) events.getEntryFirstRep().getResource()).getAgent())
        .anySatisfy(
            agent -> {
              assertThat(agent.getWho().getDisplay()).isEqualTo("Practitioner/demo-user-casey");
              assertThat(agent.getWho().getIdentifier().getValue())
                  .isEqualTo(claims.get("sub").asText());
            });

    // A user with no role in any organisation.
    HttpResponse<String> nora = send(signIn("nora", "nora-demo"), "GET", "/fhir/Patient", null);
    assertThat(nora.statusCode()).isEqualTo(403);
    assertThat(nora.body()).contains("no role in any organisation");
  }

  private java.util.List<String> referrals(String token, String system) throws Exception {
    HttpResponse<String> search =
        send(
            token,
            "GET",
            "/fhir/ServiceRequest?identifier="
                + URLEncoder.encode(system + "|", StandardCharsets.UTF_8),
            null);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, search.body()).getEntry().stream()
        .map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .toList();
  }

  private static String referral(String system, String patient, String performer) {
    return "{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\","
        + "\"identifier\":[{\"system\":\""
        + system
        + "\",\"value\":\""
        + performer
        + "\"}],\"subject\":{\"reference\":\""
        + patient
        + "\"},\"requester\":{\"reference\":\"Organization/demo-treatment\"},"
        + "\"performer\":[{\"reference\":\"Organization/"
        + performer
        + "\"}]}";
  }

  private String clientCredentials(String clientId) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            form(
                                Map.of(
                                    "grant_type",
                                    "client_credentials",
                                    "client_id",
                                    clientId,
                                    "client_secret",
                                    clientId + "-secret"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  /** Keycloak's authorization code flow with PKCE, driven as a browser; the access token. */
  private String signIn(String user, String password) throws Exception {
    // Keycloak marks its cookies Secure even over http (development mode), which
    // java.net.CookieManager then never sends back: this browser keeps them itself.
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Map<String, String> cookies = new LinkedHashMap<>();
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String authorize =
        keycloak.authorizationEndpoint()
            + "?"
            + form(
                Map.of(
                    "response_type", "code",
                    "client_id", "continuum-console",
                    "redirect_uri", CONSOLE_REDIRECT,
                    "scope", "openid fhirUser user/*.cruds",
                    "state", "s-1",
                    "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256"));
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(authorize)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    keepCookies(page, cookies);
    Matcher action =
        Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
    assertThat(action.find()).as("Keycloak's sign-in form").isTrue();
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Cookie",
                    cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", user, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(CONSOLE_REDIRECT);
    String code = query(back).get("code");
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code);
    exchange.put("redirect_uri", CONSOLE_REDIRECT);
    exchange.put("client_id", "continuum-console");
    exchange.put("code_verifier", verifier);
    HttpResponse<String> tokens =
        browser.send(
            HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(tokens.body());
    assertThat(body.has("id_token")).isTrue();
    return body.get("access_token").asText();
  }

  private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String[] pair = header.split(";", 2)[0].split("=", 2);
      cookies.put(pair[0].trim(), pair.length > 1 ? pair[1] : "");
    }
  }

  private HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/fhir+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/fhir+json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String created(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    JsonNode resource = JSON.readTree(response.body());
    return resource.get("resourceType").asText() + "/" + resource.get("id").asText();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }
}
