package org.continuumcare.gateway.demo;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.profiles.packages.FhirPackages;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * The demo person of the zero-setup run, taken from the recovery package's own examples: Jordan
 * Reyes, in prison before release, with the care team, BARC-10 assessment and SUD disclosure
 * consent that the README's example handoff cites. With them on file the example handoff succeeds
 * on a fresh install, and its treatment referral travels under Jordan's consent.
 */
final class DemoPerson {

  /** The example files, in an order whose references always resolve to something written before. */
  static final List<String> EXAMPLES =
      List.of(
          "Practitioner-coach-sam-okafor.json",
          "Practitioner-dr-amira-haddad.json",
          "Patient-jordan-reyes.json",
          "RelatedPerson-maria-reyes.json",
          "CareTeam-jordan-care-team.json",
          "QuestionnaireResponse-jordan-barc-10-2026-11-20.json",
          "Consent-jordan-sud-consent.json");

  private DemoPerson() {}

  /** The examples as resources, read from the recovery package on the classpath. */
  static List<Resource> resources(FhirContext fhirContext) {
    NpmPackage recovery = FhirPackages.load(FhirPackages.RECOVERY);
    List<Resource> resources = new ArrayList<>();
    for (String file : EXAMPLES) {
      try (InputStream in = recovery.load("package", file)) {
        if (in == null) {
          throw new IllegalStateException("The recovery package has no example " + file);
        }
        Resource resource = (Resource) fhirContext.newJsonParser().parseResource(in);
        resource
            .getMeta()
            .addTag(DemoResources.DEMO_TAG_SYSTEM, "demo", "Demo data of the zero-setup run");
        resources.add(resource);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the example " + file, e);
      }
    }
    return resources;
  }
}
