package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.security.SecurityAuditProperties;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.Metrics;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client without a valid token must not be able to grow the audit trail at will. Every 401 is
 * counted; only a bounded sample becomes AuditEvents. Refusals of an authenticated client stay
 * audited one by one.
 */
class AuditFloodSecurityIT extends GatewayIntegrationTest {

  private static final int FLOOD = 200;

  @Autowired SecurityAuditProperties auditProperties;

  /** A token an attacker signed with a key of their own, claiming to be the administrator. */
  private static String forgedToken(RSAKey attackerKey) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .jwtID(UUID.randomUUID().toString())
            .issuer(ISSUER)
            .subject(ADMIN)
            .claim("client_id", ADMIN)
            .claim("access", "admin")
            .claim("scope", "system/*.cruds")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("attacker")
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(attackerKey));
    return jwt.serialize();
  }

  /** Sum of the samples of a Prometheus counter whose labels include {@code reason="..."}. */
  private double counter(String name, String reason) throws Exception {
    return Metrics.sum(this, name, "reason=\"" + reason + "\"");
  }

  private int unauthenticatedAuditEvents() {
    return fhir()
        .search()
        .byUrl("AuditEvent?agent-name=unauthenticated&_summary=count")
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  /** How many sampling windows the interval touches (windows are aligned on the epoch). */
  private long windowsTouched(Instant from, Instant to) {
    long window = auditProperties.unauthenticated().window().toMillis();
    return Math.floorDiv(to.toEpochMilli(), window)
        - Math.floorDiv(from.toEpochMilli(), window)
        + 1;
  }

  @Test
  void aFloodOfForgedTokensIsCountedInFullButAuditedOnlyUpToTheLimitOfEachWindow()
      throws Exception {
    double refusedBefore = counter("continuum_security_unauthenticated_total", "invalid_signature");
    double suppressedBefore =
        counter("continuum_security_unauthenticated_audit_suppressed_total", "invalid_signature");
    int auditedBefore = unauthenticatedAuditEvents();
    String path = "/fhir/Patient/flood-" + UUID.randomUUID();
    RSAKey attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();

    Instant from = Instant.now();
    for (int i = 0; i < FLOOD; i++) {
      HttpResponse<String> response =
          http(
              anonymousRequest(path)
                  .header("Authorization", "Bearer " + forgedToken(attackerKey))
                  .GET());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(
              value -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
      assertThat(response.body())
          .contains("\"resourceType\":\"OperationOutcome\"")
          .contains("bearer token was rejected");
    }
    Instant to = Instant.now();

    double refused =
        counter("continuum_security_unauthenticated_total", "invalid_signature") - refusedBefore;
    double suppressed =
        counter("continuum_security_unauthenticated_audit_suppressed_total", "invalid_signature")
            - suppressedBefore;
    int audited = unauthenticatedAuditEvents() - auditedBefore;
    long limit = auditProperties.unauthenticated().maxPerWindow() * windowsTouched(from, to);

    assertThat(refused).isEqualTo(FLOOD);
    assertThat(limit)
        .as("the test must send more than the sampling lets through")
        .isLessThan(FLOOD);
    assertThat(audited).isBetween(0, (int) limit);
    assertThat(audited).isEqualTo(FLOOD - (int) suppressed);
  }

  @Test
  void everyRefusalOfAnAuthenticatedClientIsAuditedHoweverMany() throws Exception {
    int refusals = auditProperties.unauthenticated().maxPerWindow() + 5;
    String marker = "flood-" + UUID.randomUUID();
    String fhirPath = "/fhir/Condition/" + marker;
    String apiPath = "/api/handoffs/queue/" + marker;
    String since = Instant.now().minusSeconds(5).toString();

    for (int i = 0; i < refusals; i++) {
      // demo-housing has no Condition scope (refused in the FHIR server) and is no administrator
      // (refused by the HTTP security filter).
      assertThat(http(requestAs("demo-housing", fhirPath).GET()).statusCode()).isEqualTo(403);
      assertThat(http(requestAs("demo-housing", apiPath).GET()).statusCode()).isEqualTo(403);
    }

    Bundle audits =
        fhir()
            .search()
            .byUrl("AuditEvent?altid=demo-housing&outcome=4&date=ge" + since + "&_count=500")
            .returnBundle(Bundle.class)
            .execute();
    List<String> refused =
        audits.getEntry().stream()
            .map(entry -> (AuditEvent) entry.getResource())
            .map(event -> event.getEntityFirstRep().getWhat().getDisplay())
            .toList();
    assertThat(refused).filteredOn(("GET " + fhirPath)::equals).hasSize(refusals);
    assertThat(refused).filteredOn(("GET " + apiPath)::equals).hasSize(refusals);
  }
}
