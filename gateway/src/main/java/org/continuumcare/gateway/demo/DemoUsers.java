package org.continuumcare.gateway.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.continuumcare.gateway.security.SecurityProperties.DevUser;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Pure mapping of the development issuer's demo users to FHIR resources with fixed ids: each user's
 * Practitioner ({@code demo-user-<name>}, the {@code fhirUser} of their tokens) and, for a user
 * with an organisation, a PractitionerRole ({@code demo-user-<name>-role}) in it. A user without an
 * organisation has no PractitionerRole. Ordered by user name, so writing them again changes
 * nothing.
 */
final class DemoUsers {

  /** Identifier system of the user name a Practitioner signs in with. */
  static final String USER_SYSTEM = "https://continuumcare.org/fhir/sid/user";

  private DemoUsers() {}

  static List<Resource> of(Map<String, DevUser> users) {
    List<Resource> resources = new ArrayList<>();
    new TreeMap<>(users)
        .forEach(
            (name, user) -> {
              String practitionerId = user.practitionerId(name);
              Practitioner practitioner = new Practitioner();
              practitioner.setId("Practitioner/" + practitionerId);
              practitioner
                  .getMeta()
                  .addTag(DemoResources.DEMO_TAG_SYSTEM, "demo", "Demo data of the zero-setup run");
              practitioner.setActive(true);
              practitioner.addIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(name));
              practitioner.addName(
                  new HumanName()
                      .setText(
                          name.substring(0, 1).toUpperCase(Locale.ROOT)
                              + name.substring(1)
                              + (user.role() == null ? "" : " (" + user.role() + ")"))
                      .addGiven(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1)));
              resources.add(practitioner);
              if (user.organization() != null && !user.organization().isBlank()) {
                PractitionerRole role = new PractitionerRole();
                role.setId("PractitionerRole/" + practitionerId + "-role");
                role.getMeta()
                    .addTag(
                        DemoResources.DEMO_TAG_SYSTEM, "demo", "Demo data of the zero-setup run");
                role.setActive(true);
                role.setPractitioner(new Reference("Practitioner/" + practitionerId));
                role.setOrganization(new Reference("Organization/" + user.organization()));
                if (user.role() != null) {
                  role.addCode(new CodeableConcept().setText(user.role()));
                }
                resources.add(role);
              }
            });
    return resources;
  }
}
