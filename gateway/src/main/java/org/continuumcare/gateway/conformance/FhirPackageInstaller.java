package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.jpa.packages.IHapiPackageCacheManager;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
 * are built into the jars. A package already stored exactly as built is not installed again (its
 * definitions are in the store). A different build of the same version (a definition added or
 * changed) replaces the stored package and its definitions: HAPI itself keeps the first build of a
 * version it stored, so the stored one is removed first. A package that cannot be installed stops
 * the server.
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
  private final IHapiPackageCacheManager storedPackages;

  FhirPackageInstaller(IPackageInstallerSvc installer, IHapiPackageCacheManager storedPackages) {
    this.installer = installer;
    this.storedPackages = storedPackages;
  }

  @Override
  public void run(ApplicationArguments args) {
    install(FhirPackages.TERMINOLOGY);
    install(FhirPackages.RECOVERY);
  }

  void install(String classpathPath) {
    install(classpathPath, read(classpathPath));
  }

  /** Installs the package {@code contents} (a .tgz), described as {@code source} in errors. */
  void install(String source, byte[] contents) {
    NpmPackage npm = parse(source, contents);
    PackageInstallationSpec spec =
        new PackageInstallationSpec()
            .setName(npm.name())
            .setVersion(npm.version())
            .setPackageContents(contents)
            .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
            .setFetchDependencies(false);
    spec.setInstallResourceTypes(INSTALLED_TYPES);
    spec.setReloadExisting(true);
    IHapiPackageCacheManager.PackageContents stored =
        storedPackages.loadPackageContents(npm.name(), npm.version());
    if (stored != null && Arrays.equals(stored.getBytes(), contents)) {
      log.info("FHIR package {}#{} is installed as built", npm.name(), npm.version());
      return;
    }
    if (stored != null) {
      log.info(
          "FHIR package {}#{} differs from the stored build: replacing it",
          npm.name(),
          npm.version());
      installer.uninstall(spec);
    }
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
