package org.continuumcare.gateway.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records every refused request as an AuditEvent (who, what, when, why, outcome). The entity is
 * the request path without its query string, which can carry identifiers. A failure to store the
 * audit record is logged and never turns a 401/403 into a 500.
 */
@Component
public class SecurityAuditTrail {

  private static final Logger log = LoggerFactory.getLogger(SecurityAuditTrail.class);
  /** Identifier system of Organization ids in logical references. */
  static final String ORGANIZATION_IDS = "https://continuumcare.org/fhir/sid/organization-id";
  private static final String REST = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";

  private final DaoRegistry daos;
  private final Clock clock;

  SecurityAuditTrail(DaoRegistry daos, Clock clock) {
    this.daos = daos;
    this.clock = clock;
  }

  /** A request refused with {@code status} (401 or 403); {@code caller} is null when unauthenticated. */
  public void denied(Caller caller, String method, String path, int status, String reason) {
    try {
      daos.getResourceDao(AuditEvent.class).create(toAuditEvent(caller, method, path, status, reason), new SystemRequestDetails());
    } catch (RuntimeException e) {
      log.error("Could not store the AuditEvent of a refused request ({} {} -> {})", method, path, status, e);
    }
  }

  AuditEvent toAuditEvent(Caller caller, String method, String path, int status, String reason) {
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
      agent.addPurposeOfUse(new CodeableConcept(new Coding(Caller.PURPOSE_OF_USE_SYSTEM, caller.purposeOfUse(), null)));
    }
    event.getSource()
        .setSite("continuum-gateway")
        .setObserver(organization(Caller.GATEWAY_ORGANIZATION))
        .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "3", "Web Server"));
    event.addEntity().setWhat(new Reference().setDisplay(method + " " + path))
        .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
    return event;
  }

  /**
   * A logical reference (by identifier): the audit record of a refusal must be storable even when
   * the Organization the client claims does not exist in this server.
   */
  static Reference organization(String organizationId) {
    return new Reference()
        .setType("Organization")
        .setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(ORGANIZATION_IDS).setValue(organizationId))
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
