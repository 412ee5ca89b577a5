package org.continuumcare.gateway.partners;

import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * The AuditEvent of a refused partner request or referral Task change (pure): REST event with the
 * interaction as subtype, outcome 4 (minor failure: refused), the HTTP status and reason (ids and
 * codes only, never the request body), the calling client and Organization as requestor, and the
 * Task or partner concerned as entity.
 */
final class PartnerAuditEventMapper {

  /**
   * Identifier system of a reference to a resource that does not exist (unknown partner or Task).
   */
  static final String UNRESOLVED_REFERENCE =
      "https://continuumcare.org/fhir/sid/unresolved-reference";

  static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  static final String INTERACTION_SYSTEM =
      "https://continuumcare.org/fhir/CodeSystem/partner-interaction";
  private static final int MAX_REASON = 300;

  private final Clock clock;

  PartnerAuditEventMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param interaction e.g. {@code housing-status-callback}, {@code hmis-import}, {@code
   *     fhir-task-update}
   * @param partner the partner the request was for (may be null)
   * @param what the entity concerned, e.g. {@code Task/123} (may be null)
   * @param clientId the calling client
   * @param callerOrganization the caller's Organization (may be null)
   * @param status the HTTP status answered
   * @param reason why the request was refused (ids and codes, no PHI)
   */
  AuditEvent refused(
      String interaction,
      Reference partner,
      Reference what,
      String clientId,
      Reference callerOrganization,
      int status,
      String reason) {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding(AUDIT_EVENT_TYPE, "rest", "RESTful Operation"));
    event.addSubtype(new Coding(INTERACTION_SYSTEM, interaction, null));
    event.setAction(AuditEvent.AuditEventAction.U);
    event.setRecorded(Date.from(clock.instant()));
    event.setOutcome(AuditEvent.AuditEventOutcome._4);
    event.setOutcomeDesc(describe(status, reason));
    AuditEvent.AuditEventAgentComponent agent =
        event.addAgent().setRequestor(true).setName(clientId);
    agent.setType(
        new CodeableConcept(
            new Coding(
                "http://dicom.nema.org/resources/ontology/DCM", "110153", "Source Role ID")));
    agent.setWho(
        callerOrganization == null
            ? new Reference().setDisplay(clientId)
            : callerOrganization.setDisplay(clientId));
    event
        .getSource()
        .setObserver(new Reference().setDisplay("continuum-gateway"))
        .setSite("partners");
    if (partner != null) {
      event
          .addEntity()
          .setWhat(partner)
          .setType(
              new Coding(
                  "http://terminology.hl7.org/CodeSystem/audit-entity-type", "3", "Organization"));
    }
    if (what != null) {
      event
          .addEntity()
          .setWhat(what)
          .setType(
              new Coding(
                  "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
    }
    return event;
  }

  /**
   * A literal reference when the resource exists, else the same text as an identifier (never
   * dangling).
   */
  static Reference reference(String reference, boolean exists) {
    if (exists) {
      return new Reference(reference);
    }
    return new Reference()
        .setIdentifier(
            new org.hl7.fhir.r4.model.Identifier()
                .setSystem(UNRESOLVED_REFERENCE)
                .setValue(reference))
        .setDisplay(reference);
  }

  private static String describe(int status, String reason) {
    String message = reason == null ? "" : reason;
    if (message.length() > MAX_REASON) {
      message = message.substring(0, MAX_REASON);
    }
    return "refused (HTTP " + status + "): " + message;
  }
}
