package org.continuumcare.gateway.relay;

import java.time.Clock;
import java.util.Date;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.OutboxEntry;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The AuditEvent for one delivery attempt (pure): DICOM "Export" with the outcome (0 delivered, 4 retry
 * scheduled or held by the disclosure gate, 8 dead letter), the partner as destination, the exact resource version as entity and
 * the attempt number, endpoint, outbox entry and idempotency key as entity details.
 */
final class RelayAuditEventMapper {

  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String OUTBOX_ENTRY_SYSTEM = "https://continuumcare.org/fhir/sid/relay-outbox-entry";
  /** Identifier system of a reference kept as text because its target no longer resolves. */
  static final String UNRESOLVED_REFERENCE = "https://continuumcare.org/fhir/sid/unresolved-reference";

  private final Clock clock;

  RelayAuditEventMapper(Clock clock) {
    this.clock = clock;
  }

  AuditEvent toAuditEvent(DeliveryAttempt attempt) {
    return toAuditEvent(attempt, clock.instant());
  }

  /** The AuditEvent of an attempt whose outcome was stored at {@code recorded}. */
  AuditEvent toAuditEvent(DeliveryAttempt attempt, java.time.Instant recorded) {
    return toAuditEvent(attempt, recorded, true);
  }

  /**
   * The same with the partner and the resource named by identifier only (system
   * {@value #UNRESOLVED_REFERENCE}, value and display the reference as text): for an attempt whose
   * partner Organization or resource was deleted before its AuditEvent was written, which the FHIR
   * store's referential integrity would refuse.
   */
  AuditEvent toAuditEventWithoutLinks(DeliveryAttempt attempt, java.time.Instant recorded) {
    return toAuditEvent(attempt, recorded, false);
  }

  private AuditEvent toAuditEvent(DeliveryAttempt attempt, java.time.Instant recorded,
      boolean linked) {
    OutboxEntry entry = attempt.entry();
    AuditEvent event = new AuditEvent();
    event.setType(new Coding(DCM, "110106", "Export"));
    event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "update", "update"));
    event.setAction(AuditEvent.AuditEventAction.E);
    event.setRecorded(Date.from(recorded));
    event.setOutcome(switch (attempt.outcome()) {
      case DELIVERED -> AuditEvent.AuditEventOutcome._0;
      case RETRY, HELD -> AuditEvent.AuditEventOutcome._4;
      case DEAD -> AuditEvent.AuditEventOutcome._8;
    });
    event.setOutcomeDesc(describe(attempt));
    event.addAgent()
        .setType(new CodeableConcept(new Coding(DCM, "110153",
            "Source Role ID")))
        .setWho(new Reference().setDisplay("Continuum relay"))
        .setRequestor(true);
    event.addAgent()
        .setType(new CodeableConcept(new Coding(DCM, "110152",
            "Destination Role ID")))
        .setWho(reference("Organization/" + entry.partnerId(), linked))
        .setRequestor(false)
        .setName("endpoint " + entry.endpointId());
    event.getSource().setObserver(new Reference().setDisplay("continuum-gateway"))
        .setSite("relay");
    AuditEvent.AuditEventEntityComponent entity = event.addEntity()
        .setWhat(reference(entry.versionedReference(), linked))
        .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
            "System Object"));
    entity.addDetail().setType("attempt").setValue(
        new StringType(String.valueOf(entry.attempts())));
    entity.addDetail().setType("endpoint").setValue(
        new StringType(entry.endpointId()));
    entity.addDetail().setType("idempotency-key").setValue(
        new StringType(entry.idempotencyKey()));
    event.addEntity()
        .setWhat(new Reference().setIdentifier(new Identifier().setSystem(OUTBOX_ENTRY_SYSTEM)
            .setValue(String.valueOf(entry.id()))))
        .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
            "System Object"));
    return event;
  }

  private static Reference reference(String reference, boolean linked) {
    return linked ? new Reference(reference) : new Reference().setIdentifier(new Identifier()
        .setSystem(UNRESOLVED_REFERENCE).setValue(reference)).setDisplay(reference);
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
