package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.Test;

class AuditedUserTest {

  private static final Caller.User CASEY =
      new Caller.User("4cad5e89", "casey", "Practitioner/demo-user-casey");

  @Test
  void theUserBecomesAHumanRequestorAgentBesideTheClient() {
    AuditEvent event = new AuditEvent();
    event.addAgent().setRequestor(true).setName("continuum-console");

    AuditedUser.name(event, CASEY);

    assertThat(event.getAgent()).hasSize(2);
    AuditEvent.AuditEventAgentComponent user = event.getAgent().get(1);
    assertThat(user.getRequestor()).isTrue();
    assertThat(user.getType().getCodingFirstRep().getCode()).isEqualTo("humanuser");
    assertThat(user.getWho().getType()).isEqualTo("Practitioner");
    assertThat(user.getWho().getIdentifier().getSystem()).isEqualTo(AuditedUser.USER_SYSTEM);
    assertThat(user.getWho().getIdentifier().getValue()).isEqualTo("4cad5e89");
    assertThat(user.getWho().getDisplay()).isEqualTo("Practitioner/demo-user-casey");
    assertThat(user.getWho().hasReference()).isFalse();
    assertThat(user.getAltId()).isEqualTo("casey");
  }

  @Test
  void aUserIsNamedOnceAndNoUserChangesNothing() {
    AuditEvent event = new AuditEvent();
    AuditedUser.name(event, CASEY);
    AuditedUser.name(event, CASEY);
    AuditedUser.name(event, null);
    assertThat(event.getAgent()).hasSize(1);
  }

  @Test
  void theResourceTypeIsTakenFromRelativeAndAbsoluteReferences() {
    assertThat(AuditedUser.resourceType("Practitioner/x")).isEqualTo("Practitioner");
    assertThat(AuditedUser.resourceType("https://h.example/fhir/PractitionerRole/x"))
        .isEqualTo("PractitionerRole");
  }
}
