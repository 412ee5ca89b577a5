package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.continuumcare.profiles.packages.FhirPackages;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Installs Continuum's FHIR packages from the classpath at startup, before readiness reports UP:
 * terminology first (the profiles bind to it), then the recovery profiles. No network: the packages
 * are built into the jars. Installing is idempotent; a newer build of the same version replaces the
 * stored definitions. A package that cannot be installed stops the server.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class FhirPackageInstaller implements ApplicationRunner {

  /** The definitional resources a server needs; examples in the packages are not installed. */
  static final List<String> INSTALLED_TYPES =
      List.of(
          "CodeSystem",
          "ValueSet",
          "ConceptMap",
          "NamingSystem",
          "StructureDefinition",
          "SearchParameter",
          "Questionnaire");

  private static final Logger log = LoggerFactory.getLogger(FhirPackageInstaller.class);

  private final IPackageInstallerSvc installer;

  FhirPackageInstaller(IPackageInstallerSvc installer) {
    this.installer = installer;
  }

  @Override
  public void run(ApplicationArguments args) {
    install(FhirPackages.TERMINOLOGY);
    install(FhirPackages.RECOVERY);
  }

  void install(String classpathPath) {
    byte[] contents = read(classpathPath);
    NpmPackage npm = parse(classpathPath, contents);
    PackageInstallationSpec spec =
        new PackageInstallationSpec()
            .setName(npm.name())
            .setVersion(npm.version())
            .setPackageContents(contents)
            .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
            .setFetchDependencies(false);
    spec.setInstallResourceTypes(INSTALLED_TYPES);
    spec.setReloadExisting(true);
    PackageInstallOutcomeJson outcome = installer.install(spec);
    log.info(
        "FHIR package {}#{} installed: {}",
        npm.name(),
        npm.version(),
        outcome.getResourcesInstalled());
  }

  private static byte[] read(String classpathPath) {
    try (InputStream in =
        FhirPackageInstaller.class.getClassLoader().getResourceAsStream(classpathPath)) {
      if (in == null) {
        throw new IllegalStateException(
            "FHIR package missing from the classpath: " + classpathPath);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read FHIR package " + classpathPath, e);
    }
  }

  private static NpmPackage parse(String classpathPath, byte[] contents) {
    try {
      return NpmPackage.fromPackage(new ByteArrayInputStream(contents));
    } catch (IOException e) {
      throw new UncheckedIOException("Not a FHIR package: " + classpathPath, e);
    }
  }
}
