package org.continuumcare.gateway.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.JournaledAttempt;
import org.continuumcare.routes.relay.OutboxEntry;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The AuditEvents of delivery attempts (pure): DICOM "Export" with the outcome (0 delivered, 4
 * retry scheduled or held by the disclosure gate, 8 dead letter) and the partner as destination;
 * each attempt is an entity naming the exact resource version, with the attempt number, endpoint,
 * idempotency key, outbox entry and the time its outcome was stored as details.
 *
 * <p>Attempts that are the same event except for the resource (same partner, endpoint, outcome and
 * description, e.g. a burst of "delivered (HTTP 200)" to one partner) share one AuditEvent, one
 * entity each, as an ATNA audit message lists several participant objects: storing an AuditEvent
 * costs HAPI about 3.4 ms of CPU (search-parameter extraction, history row, inserts), an entity a
 * small part of that, and one per attempt made the audit trail, not the delivery, the relay's
 * limit. A relayed Patient is never grouped with others, so {@code AuditEvent?patient=} finds
 * events naming one patient.
 */
final class RelayAuditEventMapper {

  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

  /** Identifier system of a reference kept as text because its target no longer resolves. */
  static final String UNRESOLVED_REFERENCE =
      "https://continuumcare.org/fhir/sid/unresolved-reference";

  private final Clock clock;

  RelayAuditEventMapper(Clock clock) {
    this.clock = clock;
  }

  AuditEvent toAuditEvent(DeliveryAttempt attempt) {
    return toAuditEvent(attempt, clock.instant());
  }

  /** The AuditEvent of an attempt whose outcome was stored at {@code recorded}. */
  AuditEvent toAuditEvent(DeliveryAttempt attempt, Instant recorded) {
    return toAuditEvents(List.of(new JournaledAttempt(0, attempt, recorded)), true).get(0);
  }

  /**
   * The same with the partner and the resource named by identifier only (system {@value
   * #UNRESOLVED_REFERENCE}, value and display the reference as text): for an attempt whose partner
   * Organization or resource was deleted before its AuditEvent was written, which the FHIR store's
   * referential integrity would refuse.
   */
  AuditEvent toAuditEventWithoutLinks(DeliveryAttempt attempt, Instant recorded) {
    return toAuditEvents(List.of(new JournaledAttempt(0, attempt, recorded)), false).get(0);
  }

  /**
   * The AuditEvents of journaled attempts, in journal order: one per group of attempts that differ
   * only in the resource; {@code linked} false names partners and resources as text.
   */
  List<AuditEvent> toAuditEvents(List<JournaledAttempt> attempts, boolean linked) {
    Map<Group, AuditEvent> events = new LinkedHashMap<>();
    for (JournaledAttempt journaled : attempts) {
      DeliveryAttempt attempt = journaled.attempt();
      OutboxEntry entry = attempt.entry();
      AuditEvent event =
          events.computeIfAbsent(Group.of(attempt), group -> header(attempt, linked));
      Instant recorded = journaled.recordedAt();
      widen(event, recorded);
      AuditEvent.AuditEventEntityComponent entity =
          event
              .addEntity()
              .setWhat(reference(entry.versionedReference(), linked))
              .setType(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                      "2",
                      "System Object"));
      entity
          .addDetail()
          .setType("attempt")
          .setValue(new StringType(String.valueOf(entry.attempts())));
      entity.addDetail().setType("endpoint").setValue(new StringType(entry.endpointId()));
      entity
          .addDetail()
          .setType("idempotency-key")
          .setValue(new StringType(entry.idempotencyKey()));
      entity
          .addDetail()
          .setType("outbox-entry")
          .setValue(new StringType(String.valueOf(entry.id())));
      entity.addDetail().setType("recorded").setValue(new StringType(recorded.toString()));
    }
    return new ArrayList<>(events.values());
  }

  /** What attempts sharing one AuditEvent have in common. */
  private record Group(
      String partnerId,
      String endpointId,
      DeliveryAttempt.Outcome outcome,
      String description,
      String patient) {

    static Group of(DeliveryAttempt attempt) {
      OutboxEntry entry = attempt.entry();
      return new Group(
          entry.partnerId(),
          entry.endpointId(),
          attempt.outcome(),
          describe(attempt),
          "Patient".equals(entry.resourceType()) ? entry.resourceId() : null);
    }
  }

  private static AuditEvent header(DeliveryAttempt attempt, boolean linked) {
    OutboxEntry entry = attempt.entry();
    AuditEvent event = new AuditEvent();
    event.setType(new Coding(DCM, "110106", "Export"));
    event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "update", "update"));
    event.setAction(AuditEvent.AuditEventAction.E);
    event.setOutcome(
        switch (attempt.outcome()) {
          case DELIVERED -> AuditEvent.AuditEventOutcome._0;
          case RETRY, HELD -> AuditEvent.AuditEventOutcome._4;
          case DEAD -> AuditEvent.AuditEventOutcome._8;
        });
    event.setOutcomeDesc(describe(attempt));
    event
        .addAgent()
        .setType(new CodeableConcept(new Coding(DCM, "110153", "Source Role ID")))
        .setWho(new Reference().setDisplay("Continuum relay"))
        .setRequestor(true);
    event
        .addAgent()
        .setType(new CodeableConcept(new Coding(DCM, "110152", "Destination Role ID")))
        .setWho(reference("Organization/" + entry.partnerId(), linked))
        .setRequestor(false)
        .setName("endpoint " + entry.endpointId());
    event.getSource().setObserver(new Reference().setDisplay("continuum-gateway")).setSite("relay");
    return event;
  }

  /** Recorded: the latest attempt's time; period: first to last attempt of the event. */
  private static void widen(AuditEvent event, Instant recorded) {
    Date at = Date.from(recorded);
    if (!event.hasRecorded() || event.getRecorded().before(at)) {
      event.setRecorded(at);
      event.getPeriod().setEnd(at);
    }
    if (!event.getPeriod().hasStart() || event.getPeriod().getStart().after(at)) {
      event.getPeriod().setStart(at);
    }
  }

  private static Reference reference(String reference, boolean linked) {
    return linked
        ? new Reference(reference)
        : new Reference()
            .setIdentifier(new Identifier().setSystem(UNRESOLVED_REFERENCE).setValue(reference))
            .setDisplay(reference);
  }

  private static String describe(DeliveryAttempt attempt) {
    String status = attempt.status() == null ? "" : " (HTTP " + attempt.status() + ")";
    return switch (attempt.outcome()) {
      case DELIVERED -> "delivered" + status;
      case RETRY -> "retry at " + attempt.nextAttemptAt() + ": " + attempt.reason();
      case DEAD -> "dead letter: " + attempt.reason();
      case HELD -> "held until " + attempt.nextAttemptAt() + ": " + attempt.reason();
    };
  }
}
