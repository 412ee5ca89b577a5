package org.continuumcare.gateway.views;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The AuditEvent of one view run (pure): {@code $run} or a whole {@code $viewdefinition-export};
 * who (client, organisation, purpose), which views (a stored one by its reference, an inline one by
 * name), the rows returned and the resources withheld, in total and per view, and whether it
 * completed. It names no patient and no resource: the SUD disclosures among the rows are accounted
 * to each patient by the consent rule, as on reads.
 */
final class ViewAuditEventMapper {

  static final String SUBTYPE_SYSTEM =
      "https://continuumcare.org/fhir/CodeSystem/audit-event-subtype";
  static final String SUBTYPE_RUN = "view-run";
  static final String SUBTYPE_EXPORT = "view-export";
  static final String DETAIL_ROWS = "rows";
  static final String DETAIL_WITHHELD = "withheld";
  static final String DETAIL_FORMAT = "format";
  private static final String ORGANIZATION_IDS =
      "https://continuumcare.org/fhir/sid/organization-id";

  private final Clock clock;

  ViewAuditEventMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param export true for a {@code $viewdefinition-export}, false for a {@code $run}
   * @param job the export's id (null for a run)
   * @param views per view (its reference or name), what it gave
   * @param failure why the run stopped; null when it completed
   */
  AuditEvent ran(
      boolean export,
      String job,
      Caller caller,
      RunFormat format,
      Map<String, ViewRunTally> views,
      String failure) {
    ViewRunTally total = views.values().stream().reduce(ViewRunTally.NONE, ViewRunTally::plus);
    AuditEvent event = new AuditEvent();
    event.setType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    event.addSubtype(
        new Coding("http://hl7.org/fhir/restful-interaction", "operation", "operation"));
    event.addSubtype(
        export
            ? new Coding(SUBTYPE_SYSTEM, SUBTYPE_EXPORT, "ViewDefinition $viewdefinition-export")
            : new Coding(SUBTYPE_SYSTEM, SUBTYPE_RUN, "ViewDefinition $run"));
    event.setAction(export ? AuditEvent.AuditEventAction.E : AuditEvent.AuditEventAction.R);
    event.setRecorded(Date.from(clock.instant()));
    event.setOutcome(
        failure == null ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._8);
    event.setOutcomeDesc(
        (failure == null ? "" : "stopped (" + failure + "): ")
            + total.rows()
            + " rows returned, "
            + total.withheld()
            + " resources withheld");
    AuditEvent.AuditEventAgentComponent agent =
        event.addAgent().setRequestor(true).setAltId(caller.clientId()).setName(caller.clientId());
    if (caller.organizationId() != null) {
      agent.setWho(organization(caller.organizationId()));
    }
    if (caller.purposeOfUse() != null) {
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
    if (job != null) {
      event
          .addEntity()
          .setWhat(new Reference().setDisplay("$viewdefinition-export job " + job))
          .setType(entityType())
          .addDetail()
          .setType(DETAIL_FORMAT)
          .setValue(new StringType(format.name().toLowerCase()));
    }
    views.forEach(
        (view, tally) -> {
          AuditEvent.AuditEventEntityComponent entity =
              event
                  .addEntity()
                  .setWhat(new Reference().setDisplay(view))
                  .setType(entityType())
                  .setDescription("view");
          if (job == null) {
            entity
                .addDetail()
                .setType(DETAIL_FORMAT)
                .setValue(new StringType(format.name().toLowerCase()));
          }
          entity
              .addDetail()
              .setType(DETAIL_ROWS)
              .setValue(new StringType(Long.toString(tally.rows())));
          entity
              .addDetail()
              .setType(DETAIL_WITHHELD)
              .setValue(new StringType(Long.toString(tally.withheld())));
        });
    return event;
  }

  private static Coding entityType() {
    return new Coding(
        "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object");
  }

  private static Reference organization(String organizationId) {
    return new Reference()
        .setType("Organization")
        .setIdentifier(new Identifier().setSystem(ORGANIZATION_IDS).setValue(organizationId))
        .setDisplay("Organization/" + organizationId);
  }
}
