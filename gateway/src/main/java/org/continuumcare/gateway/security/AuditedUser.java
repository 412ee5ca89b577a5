package org.continuumcare.gateway.security;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Names a signed-in user in an AuditEvent (pure): one more requestor agent, typed "human user",
 * whose {@code who} is the user's FHIR resource ({@code fhirUser}, e.g. {@code
 * Practitioner/demo-user-rosa}) as a logical reference (identifier: the token's {@code sub}; the
 * Practitioner need not be stored here for the audit record to be), with the user name as {@code
 * altId} and {@code name} ({@code AuditEvent?altid=rosa} finds them). The client's agent stays as
 * it is.
 */
public final class AuditedUser {

  /** Identifier system of users: the {@code sub} of their tokens. */
  public static final String USER_SYSTEM = "https://continuumcare.org/fhir/sid/user";

  static final String ROLE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/extra-security-role-type";

  private AuditedUser() {}

  /** Adds {@code user} as an agent of {@code event} unless it names them already. */
  public static AuditEvent name(AuditEvent event, Caller.User user) {
    if (user == null) {
      return event;
    }
    for (AuditEvent.AuditEventAgentComponent agent : event.getAgent()) {
      Identifier identifier = agent.getWho().getIdentifier();
      if (USER_SYSTEM.equals(identifier.getSystem())
          && user.subject().equals(identifier.getValue())) {
        return event;
      }
    }
    event
        .addAgent()
        .setType(new CodeableConcept(new Coding(ROLE_SYSTEM, "humanuser", "human user")))
        .setRequestor(true)
        .setWho(
            new Reference()
                .setType(resourceType(user.fhirUser()))
                .setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(user.subject()))
                .setDisplay(user.fhirUser()))
        .setAltId(user.name())
        .setName(user.name());
    return event;
  }

  /** {@code Practitioner} of {@code Practitioner/x} or {@code https://host/fhir/Practitioner/x}. */
  static String resourceType(String fhirUser) {
    String[] parts = fhirUser.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : null;
  }
}
