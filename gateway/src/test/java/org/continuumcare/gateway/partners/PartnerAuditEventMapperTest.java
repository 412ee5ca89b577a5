package org.continuumcare.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class PartnerAuditEventMapperTest {

  private final PartnerAuditEventMapper mapper =
      new PartnerAuditEventMapper(
          Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC));

  @Test
  void refusalIsAMinorFailureNamingStatusReasonCallerAndEntities() {
    AuditEvent event =
        mapper.refused(
            "housing-status-callback",
            PartnerAuditEventMapper.reference("Organization/demo-housing", true),
            PartnerAuditEventMapper.reference("Task/42", true),
            "demo-housing",
            PartnerAuditEventMapper.reference("Organization/demo-housing", true),
            422,
            "bad status");

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getOutcomeDesc()).isEqualTo("refused (HTTP 422): bad status");
    assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("housing-status-callback");
    assertThat(event.getAgentFirstRep().getName()).isEqualTo("demo-housing");
    assertThat(event.getEntity())
        .extracting(e -> e.getWhat().getReference())
        .containsExactly("Organization/demo-housing", "Task/42");
    assertThat(event.getRecorded())
        .isEqualTo(java.util.Date.from(Instant.parse("2026-11-25T03:00:00Z")));
  }

  @Test
  void referenceToSomethingThatDoesNotExistIsAnIdentifierNeverADanglingReference() {
    Reference unknown = PartnerAuditEventMapper.reference("Task/no-such-task", false);

    assertThat(unknown.hasReference()).isFalse();
    assertThat(unknown.getIdentifier().getSystem())
        .isEqualTo(PartnerAuditEventMapper.UNRESOLVED_REFERENCE);
    assertThat(unknown.getIdentifier().getValue()).isEqualTo("Task/no-such-task");
  }

  @Test
  void longReasonsAreCut() {
    AuditEvent event =
        mapper.refused("hmis-import", null, null, "anonymous", null, 400, "x".repeat(1000));

    assertThat(event.getOutcomeDesc()).hasSize("refused (HTTP 400): ".length() + 300);
    assertThat(event.getEntity()).isEmpty();
  }
}
