package org.continuumcare.profiles.packages;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * The FHIR packages Continuum ships in its jars, read from the classpath (no network, no package
 * cache): {@code continuumcare.terminology} (terminology module) and {@code continuumcare.recovery}
 * (this module).
 */
public final class FhirPackages {

  /**
   * Classpath path of the profiles package, for HAPI's {@code
   * NpmPackageValidationSupport#loadPackageFromClasspath}.
   */
  public static final String RECOVERY = "fhir-packages/continuumcare.recovery.tgz";

  /** Classpath path of the terminology package. */
  public static final String TERMINOLOGY = "fhir-packages/continuumcare.terminology.tgz";

  private FhirPackages() {}

  /** Loads a package from the classpath; a missing package is a build error, so it fails loudly. */
  public static NpmPackage load(String classpathPath) {
    ClassLoader loader = FhirPackages.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(classpathPath)) {
      if (in == null) {
        throw new IllegalStateException("FHIR package not on the classpath: " + classpathPath);
      }
      return NpmPackage.fromPackage(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read FHIR package " + classpathPath, e);
    }
  }

  /** Every resource of the given types in the package, parsed with the given context. */
  public static List<IBaseResource> resources(
      FhirContext context, NpmPackage npmPackage, String... resourceTypes) {
    List<IBaseResource> resources = new ArrayList<>();
    try {
      for (String file : npmPackage.listResources(resourceTypes)) {
        try (InputStream in = npmPackage.loadResource(file)) {
          resources.add(context.newJsonParser().parseResource(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resources of " + npmPackage.name(), e);
    }
    return resources;
  }
}
