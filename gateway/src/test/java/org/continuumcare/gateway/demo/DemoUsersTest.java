package org.continuumcare.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SecurityProperties.DevUser;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class DemoUsersTest {

  @Test
  void eachUserIsAPractitionerWithARoleInTheirOrganisation() {
    List<Resource> resources =
        DemoUsers.of(
            Map.of(
                "rosa",
                new DevUser(
                    "rosa-demo",
                    null,
                    "demo-prison",
                    Caller.Access.CARE_TEAM,
                    "COC",
                    "release officer",
                    List.of())));

    assertThat(resources).hasSize(2);
    Practitioner practitioner = (Practitioner) resources.get(0);
    assertThat(practitioner.getIdElement().getValue()).isEqualTo("Practitioner/demo-user-rosa");
    assertThat(practitioner.getIdentifierFirstRep().getValue()).isEqualTo("rosa");
    PractitionerRole role = (PractitionerRole) resources.get(1);
    assertThat(role.getIdElement().getValue()).isEqualTo("PractitionerRole/demo-user-rosa-role");
    assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/demo-user-rosa");
    assertThat(role.getOrganization().getReference()).isEqualTo("Organization/demo-prison");
    assertThat(role.getCodeFirstRep().getText()).isEqualTo("release officer");
  }

  @Test
  void aUserWithoutAnOrganisationHasNoRole() {
    List<Resource> resources =
        DemoUsers.of(
            Map.of(
                "nora",
                new DevUser(
                    "nora-demo", null, null, Caller.Access.PARTNER, "TREAT", null, List.of())));

    assertThat(resources).hasSize(1).first().isInstanceOf(Practitioner.class);
  }
}
