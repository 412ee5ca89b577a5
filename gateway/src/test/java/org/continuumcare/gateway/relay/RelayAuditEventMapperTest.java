package org.continuumcare.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.JournaledAttempt;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

class RelayAuditEventMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final RelayAuditEventMapper mapper =
      new RelayAuditEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  private static OutboxEntry entry(int attempts) {
    return new OutboxEntry(
        42,
        "demo-housing",
        "ep-housing",
        "ServiceRequest",
        "sr1",
        3,
        "ep-housing:ServiceRequest/sr1/_history/3",
        "req-1",
        OutboxState.IN_FLIGHT,
        attempts,
        NOW,
        "lease",
        NOW.plusSeconds(60),
        null,
        null,
        NOW.minusSeconds(5),
        NOW,
        null);
  }

  @Test
  void deliveredAttemptIsASuccessfulExportToThePartnerOfTheExactVersion() {
    AuditEvent event =
        mapper.toAuditEvent(
            new DeliveryAttempt(
                entry(2),
                DeliveryAttempt.Outcome.DELIVERED,
                201,
                null,
                Duration.ofMillis(80),
                null));

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
        .containsExactly(
            "attempt=2",
            "endpoint=ep-housing",
            "idempotency-key=ep-housing:ServiceRequest/sr1/_history/3",
            "outbox-entry=42",
            "recorded=2026-11-24T12:00:00Z");
    assertThat(event.getEntity()).hasSize(1);
    assertThat(event.getPeriod().getStart()).isEqualTo(Date.from(NOW));
  }

  private static OutboxEntry entry(long id, String partner, String type, String resourceId) {
    return new OutboxEntry(
        id,
        partner,
        "ep-" + partner,
        type,
        resourceId,
        1,
        "ep-" + partner + ":" + type + "/" + resourceId + "/_history/1",
        "req-" + id,
        OutboxState.IN_FLIGHT,
        1,
        NOW,
        "lease",
        NOW.plusSeconds(60),
        null,
        null,
        NOW.minusSeconds(5),
        NOW,
        null);
  }

  private static JournaledAttempt delivered(OutboxEntry entry, Instant recorded) {
    return new JournaledAttempt(
        entry.id(),
        new DeliveryAttempt(
            entry, DeliveryAttempt.Outcome.DELIVERED, 200, null, Duration.ofMillis(20), null),
        recorded);
  }

  @Test
  void attemptsDifferingOnlyInTheResourceShareOneAuditEventWithAnEntityEach() {
    List<AuditEvent> events =
        mapper.toAuditEvents(
            List.of(
                delivered(entry(1, "housing", "ServiceRequest", "a"), NOW.minusSeconds(3)),
                delivered(entry(2, "housing", "ServiceRequest", "b"), NOW),
                delivered(entry(3, "housing", "ServiceRequest", "c"), NOW.minusSeconds(1))),
            true);

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getOutcomeDesc()).isEqualTo("delivered (HTTP 200)");
              assertThat(event.getEntity())
                  .extracting(e -> e.getWhat().getReference())
                  .containsExactly(
                      "ServiceRequest/a/_history/1",
                      "ServiceRequest/b/_history/1",
                      "ServiceRequest/c/_history/1");
              assertThat(event.getEntity().get(1).getDetail())
                  .extracting(d -> d.getType() + "=" + d.getValueStringType().getValue())
                  .contains("outbox-entry=2", "recorded=" + NOW);
              assertThat(event.getRecorded()).isEqualTo(Date.from(NOW));
              assertThat(event.getPeriod().getStart()).isEqualTo(Date.from(NOW.minusSeconds(3)));
              assertThat(event.getPeriod().getEnd()).isEqualTo(Date.from(NOW));
            });
  }

  @Test
  void attemptsToAnotherPartnerOrWithAnotherOutcomeGetTheirOwnAuditEventInJournalOrder() {
    OutboxEntry failed = entry(3, "housing", "ServiceRequest", "c");
    List<AuditEvent> events =
        mapper.toAuditEvents(
            List.of(
                delivered(entry(1, "housing", "ServiceRequest", "a"), NOW),
                delivered(entry(2, "employment", "ServiceRequest", "b"), NOW),
                new JournaledAttempt(
                    3,
                    new DeliveryAttempt(
                        failed,
                        DeliveryAttempt.Outcome.DEAD,
                        400,
                        "HTTP 400: Unknown performer",
                        Duration.ofMillis(20),
                        null),
                    NOW),
                delivered(entry(4, "housing", "ServiceRequest", "d"), NOW)),
            true);

    assertThat(events)
        .extracting(
            e ->
                e.getAgent().get(1).getWho().getReference()
                    + " "
                    + e.getOutcomeDesc()
                    + " "
                    + e.getEntity().size())
        .containsExactly(
            "Organization/housing delivered (HTTP 200) 2",
            "Organization/employment delivered (HTTP 200) 1",
            "Organization/housing dead letter: HTTP 400: Unknown performer 1");
  }

  @Test
  void aRelayedPatientIsNeverGroupedWithAnotherPatient() {
    List<AuditEvent> events =
        mapper.toAuditEvents(
            List.of(
                delivered(entry(1, "treatment", "Patient", "p1"), NOW),
                delivered(entry(2, "treatment", "Patient", "p2"), NOW),
                delivered(entry(3, "treatment", "Patient", "p1"), NOW)),
            true);

    assertThat(events).extracting(e -> e.getEntity().size()).containsExactly(2, 1);
  }

  @Test
  void withoutLinksThePartnerAndTheVersionAreNamedAsTextAndNothingElseChanges() {
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            entry(2), DeliveryAttempt.Outcome.DELIVERED, 201, null, Duration.ofMillis(80), null);
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
    assertThat(text.getEntityFirstRep().getDetail())
        .hasSameSizeAs(linked.getEntityFirstRep().getDetail());
  }

  @Test
  void retryIsAMinorFailureNamingWhenAndWhy() {
    AuditEvent event =
        mapper.toAuditEvent(
            new DeliveryAttempt(
                entry(1),
                DeliveryAttempt.Outcome.RETRY,
                503,
                "HTTP 503",
                Duration.ofMillis(80),
                NOW.plusSeconds(2)));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getOutcomeDesc()).isEqualTo("retry at 2026-11-24T12:00:02Z: HTTP 503");
  }

  @Test
  void deadLetterIsASeriousFailureWithTheReason() {
    AuditEvent event =
        mapper.toAuditEvent(
            new DeliveryAttempt(
                entry(1),
                DeliveryAttempt.Outcome.DEAD,
                400,
                "HTTP 400: Unknown performer",
                Duration.ofMillis(80),
                null));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
    assertThat(event.getOutcomeDesc()).isEqualTo("dead letter: HTTP 400: Unknown performer");
  }

  @Test
  void heldDeliveryIsAMinorFailureNamingTheGatesReasonAndTheRecheckAtTheJournaledTime() {
    AuditEvent event =
        mapper.toAuditEvent(
            new DeliveryAttempt(
                entry(0),
                DeliveryAttempt.Outcome.HELD,
                null,
                "no consent",
                Duration.ofMillis(3),
                NOW.plusSeconds(300)),
            NOW.minusSeconds(2));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getOutcomeDesc()).isEqualTo("held until 2026-11-24T12:05:00Z: no consent");
    assertThat(event.getRecorded()).isEqualTo(Date.from(NOW.minusSeconds(2)));
  }
}
