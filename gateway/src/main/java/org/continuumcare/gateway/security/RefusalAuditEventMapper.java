package org.continuumcare.gateway.security;

import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The AuditEvent of a refused request (pure): who, what, when, why, outcome. The entity is the
 * request path without its query string, which can carry identifiers.
 */
final class RefusalAuditEventMapper {

  /** Identifier system of Organization ids in logical references. */
  static final String ORGANIZATION_IDS = "https://continuumcare.org/fhir/sid/organization-id";

  /** {@code entity.detail.type} carrying the reason tag of an unauthenticated refusal. */
  static final String DETAIL_REASON = "unauthenticated-reason";

  /**
   * {@code entity.detail.type}: refusals of that reason not audited since the previous AuditEvent.
   */
  static final String DETAIL_SUPPRESSED = "suppressed-since-last-audit";

  private static final String REST = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";

  private final Clock clock;

  RefusalAuditEventMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * An unauthenticated refusal (401). {@code suppressedSince}: how many refusals of the same reason
   * were not audited since the previous AuditEvent of that reason (sampling).
   */
  AuditEvent unauthenticated(
      UnauthenticatedReason reason,
      String method,
      String path,
      String description,
      long suppressedSince) {
    String outcome =
        suppressedSince == 0
            ? description
            : description
                + " ("
                + suppressedSince
                + " more refusals for this reason since the previous AuditEvent were not audited)";
    AuditEvent event = refused(null, method, path, 401, outcome);
    AuditEvent.AuditEventEntityComponent entity = event.getEntityFirstRep();
    entity.addDetail().setType(DETAIL_REASON).setValue(new StringType(reason.tag()));
    entity
        .addDetail()
        .setType(DETAIL_SUPPRESSED)
        .setValue(new StringType(Long.toString(suppressedSince)));
    return event;
  }

  /** A request refused with {@code status}; {@code caller} is null when unauthenticated. */
  AuditEvent refused(Caller caller, String method, String path, int status, String reason) {
    AuditEvent event = new AuditEvent();
    event.setType(new Coding(REST, "rest", "RESTful Operation"));
    event.addSubtype(new Coding(INTERACTION, interaction(method), null));
    event.setAction(action(method));
    event.setRecorded(Date.from(clock.instant()));
    event.setOutcome(AuditEvent.AuditEventOutcome._4);
    event.setOutcomeDesc(status + " " + reason);
    AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
    if (caller == null) {
      agent.setName("unauthenticated");
    } else {
      agent.setAltId(caller.clientId()).setName(caller.clientId());
      if (caller.organizationId() != null) {
        agent.setWho(organization(caller.organizationId()));
      }
      agent.addPurposeOfUse(
          new CodeableConcept(
              new Coding(Caller.PURPOSE_OF_USE_SYSTEM, caller.purposeOfUse(), null)));
    }
    event
        .getSource()
        .setSite("continuum-gateway")
        .setObserver(organization(Caller.GATEWAY_ORGANIZATION))
        .addType(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/security-source-type", "3", "Web Server"));
    event
        .addEntity()
        .setWhat(new Reference().setDisplay(method + " " + path))
        .setType(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
    return event;
  }

  /**
   * A logical reference (by identifier): the audit record of a refusal must be storable even when
   * the Organization the client claims does not exist in this server.
   */
  static Reference organization(String organizationId) {
    return new Reference()
        .setType("Organization")
        .setIdentifier(new Identifier().setSystem(ORGANIZATION_IDS).setValue(organizationId))
        .setDisplay("Organization/" + organizationId);
  }

  private static String interaction(String method) {
    return switch (method) {
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "read";
    };
  }

  private static AuditEvent.AuditEventAction action(String method) {
    return switch (method) {
      case "POST" -> AuditEvent.AuditEventAction.C;
      case "PUT", "PATCH" -> AuditEvent.AuditEventAction.U;
      case "DELETE" -> AuditEvent.AuditEventAction.D;
      default -> AuditEvent.AuditEventAction.R;
    };
  }
}
