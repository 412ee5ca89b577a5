package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in at the development issuer, driven over HTTP as a browser would: GET
 * /oauth2/authorize, the sign-in form posted with its CSRF token, the redirect with the code, the
 * code exchanged with the PKCE verifier; and what the user's token then may do.
 */
class ConsoleSignInIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONSOLE = "continuum-console";
  private static final String SCOPE = "openid fhirUser user/*.cruds";

  /** One browser: its own cookies, redirects not followed. */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String verifier = UUID.randomUUID().toString() + "-" + UUID.randomUUID().toString();

    HttpResponse<String> get(String url) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    String authorizeUrl(String redirectUri, String scope) throws Exception {
      return baseUrl()
          + "/oauth2/authorize?"
          + encode(
              Map.of(
                  "response_type",
                  "code",
                  "client_id",
                  CONSOLE,
                  "redirect_uri",
                  redirectUri,
                  "scope",
                  scope,
                  "state",
                  "s-123",
                  "code_challenge",
                  challenge(verifier),
                  "code_challenge_method",
                  "S256"));
    }

    /** Signs in at the issuer; returns the redirect to the console (with the code). */
    URI signIn(String user, String password, String scope) throws Exception {
      HttpResponse<String> authorize = get(authorizeUrl(consoleUri(), scope));
      assertThat(authorize.statusCode()).isEqualTo(302);
      String signInPage = location(authorize).toString();
      assertThat(signInPage).endsWith("/login");
      HttpResponse<String> page = get(signInPage);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<label for=\"username\">", "<label for=\"password\">", "type=\"submit\"");
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
      HttpResponse<String> posted =
          post(
              signInPage,
              Map.of("username", user, "password", password, "_csrf", csrf(page.body())));
      assertThat(posted.statusCode()).isEqualTo(302);
      HttpResponse<String> continued = get(location(posted).toString());
      assertThat(continued.statusCode()).isEqualTo(302);
      return location(continued);
    }

    HttpResponse<String> exchange(String code, String codeVerifier) throws Exception {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "authorization_code");
      form.put("code", code);
      form.put("redirect_uri", consoleUri());
      form.put("client_id", CONSOLE);
      form.put("code_verifier", codeVerifier);
      return post(baseUrl() + "/oauth2/token", form);
    }

    /** The value of the browser's session cookie (the issuer's sign-in session). */
    String sessionCookie() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("JSESSIONID"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow();
    }

    /** A call of the console to the API: the user's token, and the browser's cookies with it. */
    HttpResponse<String> api(String path, String accessToken) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(baseUrl() + path))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + accessToken)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The whole flow: the token response. */
    JsonNode tokens(String user, String scope) throws Exception {
      URI back = signIn(user, user + "-demo", scope);
      HttpResponse<String> response = exchange(query(back).get("code"), verifier);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }
  }

  private String consoleUri() {
    return "http://localhost:" + port + "/console/";
  }

  @Test
  void aUserSignsInWithCodeAndPkceAndGetsTokensNamingThemAndTheirOrganisation() throws Exception {
    Browser browser = new Browser();
    URI back = browser.signIn("rosa", "rosa-demo", SCOPE);
    assertThat(back.toString()).startsWith(consoleUri() + "?");
    Map<String, String> answer = query(back);
    assertThat(answer).containsEntry("state", "s-123").containsKey("code");

    HttpResponse<String> response = browser.exchange(answer.get("code"), browser.verifier);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode tokens = JSON.readTree(response.body());
    assertThat(tokens.has("id_token")).isTrue();
    assertThat(tokens.has("refresh_token")).isFalse();
    JsonNode access = claims(tokens.get("access_token").asText());
    assertThat(access.get("sub").asText()).isEqualTo("rosa");
    assertThat(access.get("client_id").asText()).isEqualTo(CONSOLE);
    assertThat(access.get("fhirUser").asText()).isEqualTo("Practitioner/demo-user-rosa");
    assertThat(access.get("organization").asText()).isEqualTo("demo-prison");
    assertThat(access.get("access").asText()).isEqualTo("care-team");
    assertThat(access.get("purpose_of_use").asText()).isEqualTo("COC");
    assertThat(access.get("exp").asLong() - access.get("iat").asLong()).isLessThanOrEqualTo(900);
    assertThat(claims(tokens.get("id_token").asText()).get("fhirUser").asText())
        .isEqualTo("Practitioner/demo-user-rosa");

    // The code is redeemed once.
    assertThat(browser.exchange(answer.get("code"), browser.verifier).statusCode()).isEqualTo(400);
  }

  @Test
  void anAnalystIsGrantedOnlyWhatTheRoleAllowsOfWhatTheConsoleAsksFor() throws Exception {
    JsonNode tokens = new Browser().tokens("ana", SCOPE);
    assertThat(tokens.get("scope").asText().split(" "))
        .containsExactlyInAnyOrder("openid", "fhirUser", "user/*.rs");
    assertThat(claims(tokens.get("access_token").asText()).get("scope").toString())
        .doesNotContain("cruds");
  }

  @Test
  void aWrongCodeVerifierIsRefused() throws Exception {
    Browser browser = new Browser();
    URI back = browser.signIn("casey", "casey-demo", SCOPE);
    HttpResponse<String> response =
        browser.exchange(query(back).get("code"), browser.verifier + "-not-it");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid_grant").doesNotContain("access_token");
  }

  @Test
  void aCodeRequestWithoutPkceIsRefused() throws Exception {
    Browser browser = new Browser();
    String url =
        baseUrl()
            + "/oauth2/authorize?"
            + encode(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    CONSOLE,
                    "redirect_uri",
                    consoleUri(),
                    "scope",
                    SCOPE,
                    "state",
                    "s-1"));
    HttpResponse<String> response = browser.get(url);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response).toString())
        .startsWith(consoleUri())
        .contains("error=invalid_request")
        .doesNotContain("code=");
  }

  @Test
  void aRedirectUriThatIsNotRegisteredIsRefusedWithoutRedirecting() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> response =
        browser.get(browser.authorizeUrl("https://attacker.example/console/", SCOPE));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aWrongPasswordShowsTheSignInPageAgainWithAMessage() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> authorize = browser.get(browser.authorizeUrl(consoleUri(), SCOPE));
    HttpResponse<String> page = browser.get(location(authorize).toString());
    HttpResponse<String> posted =
        browser.post(
            location(authorize).toString(),
            Map.of("username", "rosa", "password", "not-it", "_csrf", csrf(page.body())));
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(location(posted).toString()).endsWith("/login?error");
    assertThat(browser.get(location(posted).toString()).body())
        .contains("role=\"alert\"", "not right");
  }

  @Test
  void aCaseworkerSeesOnlyHerOrganisationsReferralsAndIsNamedInTheAuditTrail() throws Exception {
    String system = uniqueSystem();
    for (String id : new String[] {"demo-housing", "demo-employment", "demo-treatment"}) {
      Organization organization = new Organization().setName(id).setActive(true);
      organization.setId("Organization/" + id);
      fhir().update().resource(organization).execute();
    }
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("p");
    String patientId =
        fhir().create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();
    String housing = referral(system, patientId, "demo-housing");
    referral(system, patientId, "demo-employment");

    String token = new Browser().tokens("casey", SCOPE).get("access_token").asText();
    HttpResponse<String> search =
        http(
            anonymousRequest(
                    "/fhir/ServiceRequest?identifier="
                        + URLEncoder.encode(system + "|", StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token));
    assertThat(search.statusCode()).isEqualTo(200);
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, search.body());
    assertThat(bundle.getEntry())
        .extracting(
            entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .containsExactly(housing);

    // A refusal (no scope for Compositions) is audited with the user as well as the client.
    HttpResponse<String> refused =
        http(anonymousRequest("/fhir/Composition").header("Authorization", "Bearer " + token));
    assertThat(refused.statusCode()).isEqualTo(403);
    Bundle audit =
        fhir()
            .search()
            .forResource(AuditEvent.class)
            .where(AuditEvent.ALTID.exactly().code("casey"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(audit.getEntry()).isNotEmpty();
    AuditEvent event = (AuditEvent) audit.getEntryFirstRep().getResource();
    assertThat(event.getAgent())
        .anySatisfy(
            agent -> {
              assertThat(agent.getWho().getDisplay()).isEqualTo("Practitioner/demo-user-casey");
              assertThat(agent.getWho().getIdentifier().getValue()).isEqualTo("casey");
            })
        .anySatisfy(agent -> assertThat(agent.getName()).isEqualTo(CONSOLE));
  }

  @Test
  void aUserWithNoRoleInAnyOrganisationIsRefusedWithAClearMessage() throws Exception {
    String token = new Browser().tokens("nora", SCOPE).get("access_token").asText();
    HttpResponse<String> response =
        http(anonymousRequest("/fhir/Patient").header("Authorization", "Bearer " + token));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("OperationOutcome", "no role in any organisation", "Practitioner/demo-user-nora");
  }

  @Test
  void smartConfigurationDescribesTheStandaloneLaunch() throws Exception {
    HttpResponse<String> response = http(anonymousRequest("/.well-known/smart-configuration"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("authorization_endpoint").asText()).endsWith("/oauth2/authorize");
    assertThat(body.get("end_session_endpoint").asText()).endsWith("/connect/logout");
    assertThat(body.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    assertThat(body.get("grant_types_supported").toString()).contains("authorization_code");
    assertThat(body.get("scopes_supported").toString())
        .contains("openid", "fhirUser", "user/*.cruds");
    assertThat(body.get("capabilities").toString())
        .contains("launch-standalone", "client-public", "permission-user", "sso-openid-connect");
    assertThat(http(anonymousRequest("/.well-known/openid-configuration")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void signingOutEndsTheSessionSoTheNextSignInAsksForThePassword() throws Exception {
    Browser browser = new Browser();
    URI back = browser.signIn("ian", "ian-demo", SCOPE);
    JsonNode tokens =
        JSON.readTree(browser.exchange(query(back).get("code"), browser.verifier).body());
    // Still signed in: the next authorization goes straight back with a code.
    HttpResponse<String> again = browser.get(browser.authorizeUrl(consoleUri(), SCOPE));
    assertThat(location(again).toString()).startsWith(consoleUri()).contains("code=");

    HttpResponse<String> logout =
        browser.post(
            baseUrl() + "/connect/logout",
            Map.of(
                "id_token_hint",
                tokens.get("id_token").asText(),
                "post_logout_redirect_uri",
                consoleUri()));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(location(logout).toString()).startsWith(consoleUri());

    HttpResponse<String> afterwards = browser.get(browser.authorizeUrl(consoleUri(), SCOPE));
    assertThat(location(afterwards).toString()).endsWith("/login");
  }

  @Test
  void theConsolesApiCallsLeaveTheIssuersSignInSessionAlone() throws Exception {
    Browser browser = new Browser();
    JsonNode tokens = browser.tokens("rosa", SCOPE);
    String session = browser.sessionCookie();

    HttpResponse<String> call =
        browser.api("/fhir/Patient?_count=1", tokens.get("access_token").asText());

    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(call.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(browser.sessionCookie()).isEqualTo(session);
  }

  @Test
  void aSignOutSentWhileAnApiCallIsInFlightStillEndsTheSignIn() throws Exception {
    Browser browser = new Browser();
    JsonNode tokens = browser.tokens("rosa", SCOPE);
    // The browser posts the sign-out with the cookie it had before the API call's answer came.
    String cookieAtSignOut = browser.sessionCookie();
    browser.api("/fhir/Patient?_count=1", tokens.get("access_token").asText());

    HttpResponse<String> logout =
        signOutWithCookie(tokens.get("id_token").asText(), "JSESSIONID=" + cookieAtSignOut);
    assertThat(logout.statusCode()).isEqualTo(302);

    HttpResponse<String> afterwards = browser.get(browser.authorizeUrl(consoleUri(), SCOPE));
    assertThat(location(afterwards).toString()).endsWith("/login");
  }

  @Test
  void aSignOutThatArrivesWithoutTheSessionCookieStillEndsTheSignIn() throws Exception {
    Browser browser = new Browser();
    JsonNode tokens = browser.tokens("rosa", SCOPE);

    HttpResponse<String> logout = signOutWithCookie(tokens.get("id_token").asText(), null);
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(location(logout).toString()).startsWith(consoleUri());

    HttpResponse<String> afterwards = browser.get(browser.authorizeUrl(consoleUri(), SCOPE));
    assertThat(location(afterwards).toString()).endsWith("/login");
  }

  /** The console's sign-out form posted with exactly {@code cookie} (none if null). */
  private HttpResponse<String> signOutWithCookie(String idToken, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/connect/logout"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    encode(
                        Map.of(
                            "id_token_hint",
                            idToken,
                            "post_logout_redirect_uri",
                            consoleUri(),
                            "client_id",
                            CONSOLE))));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http(request);
  }

  private String referral(String system, String patientId, String performer) {
    ServiceRequest referral =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setSubject(new Reference(patientId))
            .setRequester(new Reference("Organization/demo-treatment"));
    referral.addIdentifier().setSystem(system).setValue(performer);
    referral.addPerformer(new Reference("Organization/" + performer));
    return fhir()
        .create()
        .resource(referral)
        .execute()
        .getId()
        .toUnqualifiedVersionless()
        .getValue();
  }

  private URI location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return URI.create(baseUrl()).resolve(location);
  }

  private static String csrf(String page) {
    Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
    return matcher.group(1);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      values.put(URLDecoder.decode(parts[0]), parts.length > 1 ? URLDecoder.decode(parts[1]) : "");
    }
    return values;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String challenge(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static final class URLDecoder {
    static String decode(String value) {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
  }
}
