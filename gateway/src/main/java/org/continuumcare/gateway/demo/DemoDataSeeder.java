package org.continuumcare.gateway.demo;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import java.util.Objects;
import org.continuumcare.gateway.demo.DemoProperties.DemoOrganization;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the demo Organizations and Endpoints by id (update-as-create). HAPI suppresses an update
 * that changes nothing, so a restart with the same configuration leaves every version as it was; a
 * changed address gives a new version.
 */
final class DemoDataSeeder {

  private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

  private final DaoRegistry daos;

  DemoDataSeeder(DaoRegistry daos) {
    this.daos = Objects.requireNonNull(daos, "daos");
  }

  /** Writes the resources; returns how many were created or changed. */
  int seed(List<DemoOrganization> organizations) {
    return seed(organizations, List.of());
  }

  /** Writes the Organizations and Endpoints, then {@code person} (the demo person's records). */
  int seed(List<DemoOrganization> organizations, List<Resource> person) {
    List<Resource> resources = new java.util.ArrayList<>(DemoResources.of(organizations));
    resources.addAll(person);
    int changed = write(resources);
    log.info(
        "Demo data: {} Organizations, {} records of the demo users and person, {} resources created or changed",
        organizations.size(),
        person.size(),
        changed);
    return changed;
  }

  /** Writes resources by id as the system; returns how many were created or changed. */
  int write(List<Resource> resources) {
    int changed = 0;
    for (Resource resource : resources) {
      @SuppressWarnings("unchecked")
      IFhirResourceDao<Resource> dao =
          (IFhirResourceDao<Resource>) daos.getResourceDao(resource.fhirType());
      DaoMethodOutcome outcome = dao.update(resource, new SystemRequestDetails());
      if (Boolean.TRUE.equals(outcome.getCreated()) || !outcome.isNop()) {
        changed++;
      }
    }
    return changed;
  }
}
