package org.continuumcare.gateway.export;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.continuumcare.gateway.security.AuditedUser;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The AuditEvent of a completed export (pure): who (client, organisation, purpose), which types
 * (sorted), how many resources were written and how many withheld, in total and by type. It names
 * no patient and no resource: the SUD disclosures among them are accounted to each patient by the
 * consent rule, as on reads.
 */
final class ExportAuditEventMapper {

  static final String SUBTYPE_SYSTEM =
      "https://continuumcare.org/fhir/CodeSystem/audit-event-subtype";
  static final String SUBTYPE_EXPORT = "bulk-export";
  static final String DETAIL_TYPES = "types";
  static final String DETAIL_EXPORTED = "exported";
  static final String DETAIL_WITHHELD = "withheld";
  private static final String ORGANIZATION_IDS =
      "https://continuumcare.org/fhir/sid/organization-id";

  private final Clock clock;

  ExportAuditEventMapper(Clock clock) {
    this.clock = clock;
  }

  AuditEvent completed(
      String jobId,
      ExportOwner owner,
      List<String> types,
      Map<String, Long> exported,
      Map<String, Long> withheld) {
    AuditEvent event = new AuditEvent();
    event.setType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    event.addSubtype(
        new Coding("http://hl7.org/fhir/restful-interaction", "operation", "operation"));
    event.addSubtype(new Coding(SUBTYPE_SYSTEM, SUBTYPE_EXPORT, "Bulk Data $export"));
    event.setAction(AuditEvent.AuditEventAction.E);
    event.setRecorded(Date.from(clock.instant()));
    event.setOutcome(AuditEvent.AuditEventOutcome._0);
    event.setOutcomeDesc(
        "exported " + ExportTally.total(exported) + ", withheld " + ExportTally.total(withheld));
    AuditEvent.AuditEventAgentComponent agent =
        event.addAgent().setRequestor(true).setAltId(owner.clientId()).setName(owner.clientId());
    if (owner.organizationId() != null) {
      agent.setWho(organization(owner.organizationId()));
    }
    if (owner.purposeOfUse() != null) {
      agent.addPurposeOfUse(
          new CodeableConcept(
              new Coding(Caller.PURPOSE_OF_USE_SYSTEM, owner.purposeOfUse(), null)));
    }
    AuditedUser.name(event, owner.user());
    event
        .getSource()
        .setSite("continuum-gateway")
        .setObserver(organization(Caller.GATEWAY_ORGANIZATION))
        .addType(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/security-source-type", "3", "Web Server"));
    AuditEvent.AuditEventEntityComponent entity =
        event
            .addEntity()
            .setWhat(new Reference().setDisplay("$export job " + jobId))
            .setType(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                    "2",
                    "System Object"));
    entity
        .addDetail()
        .setType(DETAIL_TYPES)
        .setValue(new StringType(String.join(",", types.stream().sorted().toList())));
    entity
        .addDetail()
        .setType(DETAIL_EXPORTED)
        .setValue(new StringType(Long.toString(ExportTally.total(exported))));
    entity
        .addDetail()
        .setType(DETAIL_WITHHELD)
        .setValue(new StringType(Long.toString(ExportTally.total(withheld))));
    exported.forEach(
        (type, count) ->
            entity
                .addDetail()
                .setType(DETAIL_EXPORTED + ":" + type)
                .setValue(new StringType(Long.toString(count))));
    withheld.forEach(
        (type, count) ->
            entity
                .addDetail()
                .setType(DETAIL_WITHHELD + ":" + type)
                .setValue(new StringType(Long.toString(count))));
    return event;
  }

  private static Reference organization(String organizationId) {
    return new Reference()
        .setType("Organization")
        .setIdentifier(new Identifier().setSystem(ORGANIZATION_IDS).setValue(organizationId))
        .setDisplay("Organization/" + organizationId);
  }
}
