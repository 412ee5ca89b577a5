package org.continuumcare.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's boundaries: it holds no partner. It reaches the JSON partners only through the
 * partner SPI ({@code routes.partner}) and the kits under it, never a partner package's classes;
 * and no two gateway packages depend on each other in a cycle.
 */
class ArchitectureTest {

  private static JavaClasses gateway;

  @BeforeAll
  static void importClasses() {
    gateway =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.continuumcare.gateway");
  }

  @Test
  void theGatewayNamesNoJsonPartnerOnlyTheSpi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.continuumcare.routes.housing..",
            "org.continuumcare.routes.employment..",
            "org.continuumcare.routes.probation..")
        .because("partners register through org.continuumcare.routes.partner.PartnerFormat")
        .check(gateway);
  }

  @Test
  void onlyTheHandoffPackageUsesThePrisonPartner() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.continuumcare.gateway.handoff..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.continuumcare.routes.prison..")
        .check(gateway);
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices().matching("org.continuumcare.gateway.(*)..").should().beFreeOfCycles().check(gateway);
  }
}
