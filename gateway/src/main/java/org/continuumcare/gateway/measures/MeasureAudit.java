package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Clock;
import java.util.Date;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AuditEvent for every {@code $evaluate-measure}: REST operation, the client and its
 * Organization as requestor, the Measure as entity with the report type, outcome 0 (answered) or 4
 * (refused, with the status and reason). Ids and codes only, never a result.
 */
final class MeasureAudit {

  static final String ORGANIZATION_SYSTEM = "https://continuumcare.org/fhir/sid/organization";
  static final String SUBTYPE_SYSTEM = "http://hl7.org/fhir/restful-interaction";
  private static final Logger log = LoggerFactory.getLogger(MeasureAudit.class);

  private final DaoRegistry daos;
  private final Clock clock;

  MeasureAudit(DaoRegistry daos, Clock clock) {
    this.daos = daos;
    this.clock = clock;
  }

  static AuditEvent event(
      Caller caller, String measureId, String reportType, int status, String reason, Date at) {
    AuditEvent event = new AuditEvent();
    event.setType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    event.addSubtype(new Coding(SUBTYPE_SYSTEM, "operation", "operation"));
    event.addSubtype(
        new Coding(
            "https://continuumcare.org/fhir/CodeSystem/gateway-operation",
            "evaluate-measure",
            "$evaluate-measure"));
    event.setAction(AuditEvent.AuditEventAction.E);
    event.setRecorded(at);
    event.setOutcome(
        status < 400 ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
    if (status >= 400) {
      event.setOutcomeDesc(
          status
              + " "
              + (reason == null ? "" : reason.substring(0, Math.min(300, reason.length()))));
    }
    AuditEvent.AuditEventAgentComponent agent =
        event.addAgent().setRequestor(true).setName(caller.clientId());
    // An identifier, not a literal reference: the caller's Organization need not be stored here.
    agent.setWho(
        new Reference()
            .setIdentifier(
                new org.hl7.fhir.r4.model.Identifier()
                    .setSystem(ORGANIZATION_SYSTEM)
                    .setValue(caller.organizationId()))
            .setDisplay(caller.clientId()));
    if (caller.purposeOfUse() != null) {
      agent.addPurposeOfUse(
          new CodeableConcept(
              new Coding(Caller.PURPOSE_OF_USE_SYSTEM, caller.purposeOfUse(), null)));
    }
    event
        .getSource()
        .setObserver(new Reference().setDisplay("continuum-gateway"))
        .setSite("measures");
    AuditEvent.AuditEventEntityComponent entity =
        event
            .addEntity()
            .setWhat(new Reference("Measure/" + measureId))
            .setType(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                    "2",
                    "System Object"));
    entity
        .addDetail()
        .setType("reportType")
        .setValue(new org.hl7.fhir.r4.model.StringType(String.valueOf(reportType)));
    return event;
  }

  /**
   * Records the evaluation; never throws (the caller's answer matters more), but says so loudly.
   */
  void evaluated(Caller caller, String measureId, String reportType, int status, String reason) {
    try {
      AuditEvent event =
          event(caller, measureId, reportType, status, reason, Date.from(clock.instant()));
      if (status == 404) {
        // A reference to a Measure that does not exist would not be stored.
        event.getEntityFirstRep().setWhat(new Reference().setDisplay("Measure/" + measureId));
      }
      daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
    } catch (RuntimeException failed) {
      log.error("Could not store the AuditEvent of $evaluate-measure {}", measureId, failed);
    }
  }
}
