package org.continuumcare.gateway.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The AuditEvent of one {@link Disclosure} (pure): type DICOM 110106 "Export" (the records left the
 * gateway's custody) with the REST interaction or {@code relay} as subtype; action R (read) or E
 * (relay); outcome 0 when disclosed, 4 when withheld; the purpose of use; agents: the recipient
 * organisation with the client id as {@code altId} (requestor) and the gateway as the intermediary;
 * entities: the patient (role 1, so {@code AuditEvent?patient=} finds it) and every record, with
 * its security labels. Organisations are identified by identifier (system {@link
 * #ORGANIZATION_ID_SYSTEM}, value = Organization id), so the event can be stored even while the
 * organisation is not in the store.
 */
public final class DisclosureAuditEventMapper {

  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";

  /**
   * The subtype every consent AuditEvent carries: {@code AuditEvent?subtype=} + this finds them.
   */
  public static final String SUBTYPE_SYSTEM = "https://continuumcare.org/fhir/sid/sud-disclosure";

  public static final String ORGANIZATION_ID_SYSTEM =
      "https://continuumcare.org/fhir/sid/organization-id";

  /** Names a record that could no longer be referenced when its disclosure was accounted. */
  public static final String UNRESOLVED_REFERENCE =
      "https://continuumcare.org/fhir/sid/unresolved-reference";

  public static final String CLIENT_ID_SYSTEM = "https://continuumcare.org/fhir/sid/oauth2-client";

  private final Clock clock;
  private final String gatewayOrganizationId;

  public DisclosureAuditEventMapper(Clock clock, String gatewayOrganizationId) {
    this.clock = clock;
    this.gatewayOrganizationId = gatewayOrganizationId;
  }

  public AuditEvent toAuditEvent(Disclosure disclosure) {
    return toAuditEvent(disclosure, clock.instant(), Linking.ALL);
  }

  /** Which references an AuditEvent links (the others are named by text). */
  enum Linking {
    /** The patient, the records and the consents. */
    ALL,
    /** Only the patient, so {@code $disclosures} still finds the event. */
    PATIENT,
    /** Nothing. */
    NONE
  }

  /**
   * The AuditEvent of a disclosure made at {@code recorded}. References not linked are named by
   * text (identifier {@link #UNRESOLVED_REFERENCE} and display): for the rare disclosure whose
   * record (or patient) was deleted before its accounting was stored, which the store would
   * otherwise refuse.
   */
  AuditEvent toAuditEvent(Disclosure disclosure, Instant recorded, Linking linking) {
    boolean linked = linking == Linking.ALL;
    AuditEvent event = new AuditEvent();
    event
        .getMeta()
        .addSecurity(SecurityLabels.CONFIDENTIALITY, SecurityLabels.RESTRICTED, "restricted");
    event.setType(new Coding(DCM, "110106", "Export"));
    event.addSubtype(
        new Coding(
            SUBTYPE_SYSTEM,
            disclosure.disclosed() ? "disclosure" : "denial",
            disclosure.disclosed() ? "SUD records disclosed" : "SUD records withheld"));
    if (Disclosure.READ.equals(disclosure.channel())) {
      event.addSubtype(
          new Coding(RESTFUL_INTERACTION, disclosure.interaction(), disclosure.interaction()));
    }
    event.setAction(
        Disclosure.RELAY.equals(disclosure.channel()) ? AuditEventAction.E : AuditEventAction.R);
    event.setRecorded(Date.from(recorded));
    event.setOutcome(disclosure.disclosed() ? AuditEventOutcome._0 : AuditEventOutcome._4);
    event.setOutcomeDesc(describe(disclosure));
    if (disclosure.purpose() != null) {
      event.addPurposeOfEvent(
          new CodeableConcept(new Coding(SecurityLabels.ACT_REASON, disclosure.purpose(), null)));
    }
    AuditEvent.AuditEventAgentComponent recipient =
        event
            .addAgent()
            .setType(
                new CodeableConcept(
                    new Coding(
                        ConsentEvaluator.RECIPIENT_ROLE_SYSTEM,
                        ConsentEvaluator.RECIPIENT_ROLE,
                        "information recipient")))
            .setWho(organization(disclosure.organizationId()))
            .setRequestor(Disclosure.READ.equals(disclosure.channel()));
    if (disclosure.clientId() != null) {
      recipient.setAltId(disclosure.clientId()).setName(disclosure.clientId());
    }
    event
        .addAgent()
        .setType(
            new CodeableConcept(
                new Coding(
                    ConsentEvaluator.INTERMEDIARY_ROLE_SYSTEM,
                    ConsentEvaluator.INTERMEDIARY_ROLE,
                    "data processor")))
        .setWho(organization(gatewayOrganizationId))
        .setRequestor(Disclosure.RELAY.equals(disclosure.channel()));
    event
        .getSource()
        .setObserver(organization(gatewayOrganizationId))
        .setSite(disclosure.channel());
    if (disclosure.patientId() != null) {
      event
          .addEntity()
          .setWhat(reference("Patient/" + disclosure.patientId(), linking != Linking.NONE))
          .setType(new Coding(ENTITY_TYPE, "1", "Person"))
          .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
    }
    for (String resource : disclosure.resources()) {
      AuditEvent.AuditEventEntityComponent entity =
          event
              .addEntity()
              .setWhat(reference(resource, linked))
              .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
              .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
      entity.addSecurityLabel(new Coding(SecurityLabels.ACT_CODE, SecurityLabels.PART2, null));
      if (disclosure.disclosed()) {
        entity.addSecurityLabel(
            new Coding(SecurityLabels.ACT_CODE, SecurityLabels.NO_REDISCLOSURE, null));
      }
    }
    for (String consent : new TreeSet<>(disclosure.consents())) {
      event
          .addEntity()
          .setWhat(reference(consent, linked))
          .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
          .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"))
          .setDescription("consent")
          .addDetail()
          .setType("role")
          .setValue(new StringType("authorising consent"));
    }
    if (disclosure.requestId() != null) {
      event
          .addEntity()
          .setWhat(
              new Reference()
                  .setIdentifier(
                      new Identifier()
                          .setSystem("https://continuumcare.org/fhir/sid/request-id")
                          .setValue(disclosure.requestId())))
          .setType(new Coding(ENTITY_TYPE, "4", "Other"))
          .setDescription("request");
    }
    return event;
  }

  private static Reference reference(String reference, boolean linked) {
    return linked
        ? new Reference(reference)
        : new Reference()
            .setIdentifier(new Identifier().setSystem(UNRESOLVED_REFERENCE).setValue(reference))
            .setDisplay(reference);
  }

  private static Reference organization(String organizationId) {
    Reference reference = new Reference().setDisplay("Organization/" + organizationId);
    reference.setIdentifier(
        new Identifier().setSystem(ORGANIZATION_ID_SYSTEM).setValue(organizationId));
    return reference;
  }

  private static String describe(Disclosure disclosure) {
    int count = disclosure.resources().size();
    String records = count + (count == 1 ? " SUD record" : " SUD records");
    String recipient =
        "Organization/" + disclosure.organizationId() + " for " + disclosure.purpose();
    if (disclosure.disclosed()) {
      String under =
          new TreeSet<>(disclosure.consents()).isEmpty()
              ? ""
              : " under " + String.join(", ", new TreeSet<>(disclosure.consents()));
      String emergency =
          disclosure.reasons().isEmpty()
              ? ""
              : (under.isEmpty() ? " in a " : "; and in a ")
                  + String.join("; ", new TreeSet<>(disclosure.reasons()));
      return records + " disclosed to " + recipient + under + emergency;
    }
    return records
        + " withheld from "
        + recipient
        + ": "
        + String.join("; ", new TreeSet<>(disclosure.reasons()));
  }
}
