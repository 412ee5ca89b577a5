package org.continuumcare.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

class RelayAuditEventMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final RelayAuditEventMapper mapper =
      new RelayAuditEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  private static OutboxEntry entry(int attempts) {
    return new OutboxEntry(42, "demo-housing", "ep-housing", "ServiceRequest", "sr1", 3,
        "ep-housing:ServiceRequest/sr1/_history/3", "req-1", OutboxState.IN_FLIGHT, attempts,
        NOW, "lease", NOW.plusSeconds(60), null, null, NOW.minusSeconds(5), NOW, null);
  }

  @Test
  void deliveredAttemptIsASuccessfulExportToThePartnerOfTheExactVersion() {
    AuditEvent event = mapper.toAuditEvent(new DeliveryAttempt(entry(2),
        DeliveryAttempt.Outcome.DELIVERED, 201, null, Duration.ofMillis(80), null));

    assertThat(event.getType().getCode()).isEqualTo("110106");
    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(event.getOutcomeDesc()).isEqualTo("delivered (HTTP 201)");
    assertThat(event.getRecorded()).isEqualTo(Date.from(NOW));
    assertThat(event.getAgent().get(1).getWho().getReference())
        .isEqualTo("Organization/demo-housing");
    assertThat(event.getEntityFirstRep().getWhat().getReference())
        .isEqualTo("ServiceRequest/sr1/_history/3");
    assertThat(event.getEntityFirstRep().getDetail())
        .extracting(d -> d.getType() + "=" + d.getValueStringType().getValue())
        .containsExactly("attempt=2", "endpoint=ep-housing",
            "idempotency-key=ep-housing:ServiceRequest/sr1/_history/3");
    assertThat(event.getEntity().get(1).getWhat().getIdentifier().getValue()).isEqualTo("42");
  }

  @Test
  void withoutLinksThePartnerAndTheVersionAreNamedAsTextAndNothingElseChanges() {
    DeliveryAttempt attempt = new DeliveryAttempt(entry(2), DeliveryAttempt.Outcome.DELIVERED, 201,
        null, Duration.ofMillis(80), null);
    AuditEvent linked = mapper.toAuditEvent(attempt, NOW);
    AuditEvent text = mapper.toAuditEventWithoutLinks(attempt, NOW);

    assertThat(text.getAgent().get(1).getWho().hasReference()).isFalse();
    assertThat(text.getAgent().get(1).getWho().getIdentifier().getSystem())
        .isEqualTo(RelayAuditEventMapper.UNRESOLVED_REFERENCE);
    assertThat(text.getAgent().get(1).getWho().getIdentifier().getValue())
        .isEqualTo("Organization/demo-housing");
    assertThat(text.getEntityFirstRep().getWhat().hasReference()).isFalse();
    assertThat(text.getEntityFirstRep().getWhat().getDisplay())
        .isEqualTo("ServiceRequest/sr1/_history/3");
    assertThat(text.getOutcomeDesc()).isEqualTo(linked.getOutcomeDesc());
    assertThat(text.getEntityFirstRep().getDetail()).hasSameSizeAs(linked.getEntityFirstRep().getDetail());
  }

  @Test
  void retryIsAMinorFailureNamingWhenAndWhy() {
    AuditEvent event = mapper.toAuditEvent(new DeliveryAttempt(entry(1),
        DeliveryAttempt.Outcome.RETRY, 503, "HTTP 503", Duration.ofMillis(80),
        NOW.plusSeconds(2)));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getOutcomeDesc()).isEqualTo("retry at 2026-11-24T12:00:02Z: HTTP 503");
  }

  @Test
  void deadLetterIsASeriousFailureWithTheReason() {
    AuditEvent event = mapper.toAuditEvent(new DeliveryAttempt(entry(1),
        DeliveryAttempt.Outcome.DEAD, 400, "HTTP 400: Unknown performer", Duration.ofMillis(80),
        null));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
    assertThat(event.getOutcomeDesc()).isEqualTo("dead letter: HTTP 400: Unknown performer");
  }

  @Test
  void heldDeliveryIsAMinorFailureNamingTheGatesReasonAndTheRecheckAtTheJournaledTime() {
    AuditEvent event = mapper.toAuditEvent(new DeliveryAttempt(entry(0),
        DeliveryAttempt.Outcome.HELD, null, "no consent", Duration.ofMillis(3),
        NOW.plusSeconds(300)), NOW.minusSeconds(2));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getOutcomeDesc()).isEqualTo("held until 2026-11-24T12:05:00Z: no consent");
    assertThat(event.getRecorded()).isEqualTo(Date.from(NOW.minusSeconds(2)));
  }
}
