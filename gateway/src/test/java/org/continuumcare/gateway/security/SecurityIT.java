package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.continuumcare.gateway.security.DevTokenIssuerConfig.DevSigningKey;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.Tokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Who gets in: bearer tokens of every shape, the development issuer, scopes, audit of refusals. */
class SecurityIT extends GatewayIntegrationTest {

  @Autowired DevSigningKey signingKey;

  private HttpResponse<String> getPatientsWith(String authorization) throws Exception {
    HttpRequest.Builder request =
        anonymousRequest("/fhir/Patient?identifier=" + uniqueSystem() + "%7Cx").GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http(request);
  }

  private JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("demo-admin")
        .claim("client_id", "demo-admin")
        .claim("access", "admin")
        .claim("scope", "system/*.cruds")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  private String signed(JWTClaimsSet claims, com.nimbusds.jose.jwk.RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aRequestWithoutATokenIsRefusedWith401AndAnOperationOutcome() throws Exception {
    HttpResponse<String> response = getPatientsWith(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.body())
        .contains("\"resourceType\":\"OperationOutcome\"")
        .contains("bearer token");
  }

  @Test
  void theCapabilityStatementAndSmartDiscoveryNeedNoToken() throws Exception {
    assertThat(http(anonymousRequest("/fhir/metadata").GET()).statusCode()).isEqualTo(200);
    HttpResponse<String> smart = http(anonymousRequest("/.well-known/smart-configuration").GET());
    assertThat(smart.statusCode()).isEqualTo(200);
    assertThat(smart.body())
        .contains("\"token_endpoint\"")
        .contains("/oauth2/token")
        .contains("client_credentials");
  }

  @Test
  void aDevelopmentIssuerTokenIsAccepted() throws Exception {
    HttpResponse<String> response =
        getPatientsWith("Bearer " + Tokens.request(baseUrl(), "demo-ehr", "demo-ehr-secret", null));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenEndpointRefusesAWrongSecretAndAnUnregisteredScope() {
    assertThat(Tokens.tokenResponse(baseUrl(), "demo-ehr", "wrong", null).statusCode())
        .isEqualTo(401);
    HttpResponse<String> scope =
        Tokens.tokenResponse(baseUrl(), "demo-housing", "demo-housing-secret", "system/*.cruds");
    assertThat(scope.statusCode()).isEqualTo(400);
    assertThat(scope.body()).contains("invalid_scope");
  }

  @Test
  void aClientMayAskForASubsetOfItsScopes() throws Exception {
    HttpResponse<String> subset =
        Tokens.tokenResponse(baseUrl(), "demo-housing", "demo-housing-secret", "system/Task.rs");
    assertThat(subset.statusCode()).isEqualTo(200);
    String token =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(subset.body())
            .path("access_token")
            .asText();
    String[] claims = token.split("\\.");
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(claims[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(payload)
        .contains("system/Task.rs")
        .doesNotContain("system/Task.rus")
        .doesNotContain("Observation");

    HttpResponse<String> oneTypeOfAWildcard =
        Tokens.tokenResponse(
            baseUrl(),
            "demo-analyst",
            "demo-analyst-secret",
            "system/Condition.rs system/Patient.r");
    assertThat(oneTypeOfAWildcard.statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    String token =
        signed(
            validClaims()
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build(),
            signingKey.jwk());

    HttpResponse<String> response = getPatientsWith("Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("expired");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    String token = signed(validClaims().build(), DevSigningKey.generate().jwk());

    assertThat(getPatientsWith("Bearer " + token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws Exception {
    String token =
        signed(validClaims().issuer("https://evil.example.org").build(), signingKey.jwk());

    HttpResponse<String> response = getPatientsWith("Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("iss");
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    String token = new PlainJWT(validClaims().build()).serialize();

    assertThat(getPatientsWith("Bearer " + token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims().build());
    jwt.sign(new MACSigner(signingKey.jwk().toPublicJWK().toRSAPublicKey().getEncoded()));

    assertThat(getPatientsWith("Bearer " + jwt.serialize()).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer",
        "Bearer ",
        "Bearer not-a-jwt",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0..",
        "Basic ZGVtby1hZG1pbjpkZW1vLWFkbWluLXNlY3JldA==",
        "bearer",
        "Bearer \u00e9\u00e9",
        "Bearer x y z"
      })
  void aMalformedAuthorizationHeaderIsRefusedWith401(String header) throws Exception {
    HttpResponse<String> response = getPatientsWith(header);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .contains("OperationOutcome")
        .doesNotContain("Exception")
        .doesNotContain("at org.");
  }

  @Test
  void aVeryLongTokenIsRefusedWith401() throws Exception {
    HttpResponse<String> response = getPatientsWith("Bearer " + "a".repeat(6000) + ".b.c");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void scopeStringsThatAreNotSmartScopesGrantNothing() throws Exception {
    String token =
        signed(
            validClaims()
                .claim("access", "care-team")
                .claim(
                    "scope",
                    List.of(
                        "system/*.cruds' OR '1'='1",
                        "system/Patient.rs;DROP TABLE",
                        "patient/*.read",
                        "../*.*"))
                .build(),
            signingKey.jwk());

    HttpResponse<String> response = getPatientsWith("Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("OperationOutcome");
  }

  @Test
  void aTokenWithoutTheScopeForTheResourceTypeGets403() {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("1");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fhirAs("demo-housing").create().resource(patient).execute())
        .isInstanceOf(ForbiddenOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                fhirAs("demo-housing")
                    .search()
                    .forResource("Condition")
                    .returnBundle(Bundle.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void readingByIdAndSearchingNeedTheirOwnScopeLetters() throws Exception {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("1");
    String id = fhirAs("demo-ehr").create().resource(patient).execute().getId().getIdPart();
    String searchOnly =
        signed(
            validClaims().claim("access", "care-team").claim("scope", "system/Patient.s").build(),
            signingKey.jwk());
    String readOnly =
        signed(
            validClaims().claim("access", "care-team").claim("scope", "system/Patient.r").build(),
            signingKey.jwk());

    assertThat(
            http(anonymousRequest("/fhir/Patient/" + id)
                    .header("Authorization", "Bearer " + searchOnly)
                    .GET())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http(anonymousRequest("/fhir/Patient/" + id)
                    .header("Authorization", "Bearer " + readOnly)
                    .GET())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http(anonymousRequest("/fhir/Patient?_id=" + id)
                    .header("Authorization", "Bearer " + readOnly)
                    .GET())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http(anonymousRequest("/fhir/Patient?_id=" + id)
                    .header("Authorization", "Bearer " + searchOnly)
                    .GET())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void theAnalystReadsButNeverWrites() {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("1");
    MethodOutcome created = fhirAs("demo-ehr").create().resource(patient).execute();

    assertThat(
            fhirAs("demo-analyst")
                .read()
                .resource(Patient.class)
                .withId(created.getId().toUnqualifiedVersionless())
                .execute()
                .getIdentifierFirstRep()
                .getValue())
        .isEqualTo("1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fhirAs("demo-analyst").create().resource(patient).execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void gatewayOperationsAreForAdministratorsOnly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                fhirAs("demo-ehr")
                    .operation()
                    .onServer()
                    .named("$relay-status")
                    .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                    .execute())
        .isInstanceOf(ForbiddenOperationException.class);
    assertThat(
            fhir()
                .operation()
                .onServer()
                .named("$relay-status")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .execute())
        .isNotNull();
  }

  @Test
  void theRestApiRefusesATokenWithoutTheScopeOfItsEndpoint() throws Exception {
    HttpResponse<String> response =
        http(
            requestAs("demo-housing", "/api/handoffs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("OperationOutcome");
  }

  /**
   * A 403 is always audited; a 401 is audited unless the sampling of unauthenticated refusals
   * (continuum.security.audit.*) suppressed it, and then it is counted as suppressed (see
   * attack/AuditFloodSecurityIT).
   */
  @Test
  void everyRefusalIsAuditedOrCountedAsSampledOut() throws Exception {
    String forbidden = "/fhir/Condition/audit-" + java.util.UUID.randomUUID();
    String unauthenticated = "/fhir/Patient/audit-" + java.util.UUID.randomUUID();
    double suppressedBefore = suppressedMissingTokenRefusals();
    http(requestAs("demo-housing", forbidden).GET());
    http(anonymousRequest(unauthenticated).GET());

    Bundle audits =
        fhir()
            .search()
            .forResource(AuditEvent.class)
            .where(AuditEvent.OUTCOME.exactly().code("4"))
            .sort()
            .descending("date")
            .count(50)
            .returnBundle(Bundle.class)
            .execute();
    List<String> refused =
        audits.getEntry().stream()
            .map(
                entry ->
                    ((AuditEvent) entry.getResource()).getEntityFirstRep().getWhat().getDisplay())
            .toList();
    assertThat(refused).contains("GET " + forbidden);
    assertThat(
            refused.contains("GET " + unauthenticated)
                || suppressedMissingTokenRefusals() == suppressedBefore + 1)
        .as("the 401 is audited or counted as suppressed")
        .isTrue();
  }

  private double suppressedMissingTokenRefusals() throws Exception {
    return org.continuumcare.gateway.support.Metrics.sum(
        this, "continuum_security_unauthenticated_audit_suppressed_total", "reason=\"missing\"");
  }

  @Test
  void aClientOfNoOrganisationThatIsNotBoundIsAPartnerOfNothing() throws Exception {
    String token =
        signed(
            validClaims()
                .subject("stranger")
                .claim("client_id", "stranger")
                .claim("access", null)
                .claim("scope", "system/Patient.rs")
                .build(),
            signingKey.jwk());

    HttpResponse<String> response = getPatientsWith("Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("\"entry\"");
  }
}
