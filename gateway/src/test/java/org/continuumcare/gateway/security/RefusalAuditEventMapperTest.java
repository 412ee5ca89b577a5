package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

/** AuditEvents of refused requests. */
class RefusalAuditEventMapperTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final RefusalAuditEventMapper mapper =
      new RefusalAuditEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  private static String detail(AuditEvent event, String type) {
    return event.getEntityFirstRep().getDetail().stream()
        .filter(d -> type.equals(d.getType()))
        .map(d -> d.getValue().primitiveValue())
        .findFirst()
        .orElse(null);
  }

  @Test
  void anUnauthenticatedRefusalNamesItsReasonAndHowManyWentUnauditedBeforeIt() {
    AuditEvent event =
        mapper.unauthenticated(
            UnauthenticatedReason.INVALID_SIGNATURE,
            "GET",
            "/fhir/Patient/1",
            "The bearer token was rejected: Signed JWT rejected: Invalid signature",
            190);

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getOutcomeDesc())
        .startsWith("401 The bearer token was rejected")
        .endsWith(
            "(190 more refusals for this reason since the previous AuditEvent were not audited)");
    assertThat(event.getAgentFirstRep().getName()).isEqualTo("unauthenticated");
    assertThat(event.getEntityFirstRep().getWhat().getDisplay()).isEqualTo("GET /fhir/Patient/1");
    assertThat(detail(event, RefusalAuditEventMapper.DETAIL_REASON)).isEqualTo("invalid_signature");
    assertThat(detail(event, RefusalAuditEventMapper.DETAIL_SUPPRESSED)).isEqualTo("190");
    assertThat(event.getRecorded()).isEqualTo(java.util.Date.from(NOW));
  }

  @Test
  void anUnauthenticatedRefusalWithNothingSuppressedKeepsTheValidatorsReasonAsItIs() {
    AuditEvent event =
        mapper.unauthenticated(
            UnauthenticatedReason.MISSING, "POST", "/api/handoffs", "Authentication required", 0);

    assertThat(event.getOutcomeDesc()).isEqualTo("401 Authentication required");
    assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
    assertThat(detail(event, RefusalAuditEventMapper.DETAIL_SUPPRESSED)).isEqualTo("0");
  }

  @Test
  void aRefusalOfAnAuthenticatedClientNamesItsClientAndOrganisation() {
    Caller caller =
        new Caller(
            "demo-housing",
            "demo-housing",
            Caller.Access.PARTNER,
            "COC",
            SmartScopes.parse(java.util.List.of()));

    AuditEvent event =
        mapper.refused(
            caller, "GET", "/fhir/Condition/1", 403, "The token's scopes do not allow it");

    assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("demo-housing");
    assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
        .isEqualTo("demo-housing");
    assertThat(event.getOutcomeDesc()).isEqualTo("403 The token's scopes do not allow it");
    assertThat(event.getEntityFirstRep().getDetail()).isEmpty();
  }
}
