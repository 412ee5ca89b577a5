package org.continuumcare.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's boundaries: it holds no partner. It reaches partners only through the SPI ({@code
 * routes.partner}, {@code routes.handoff}) and the kits under it, never a partner package's
 * classes; and no two gateway packages depend on each other in a cycle.
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
  void theGatewayNamesNoPartnerOnlyTheSpiKitsAndPorts() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.continuumcare.routes.housing..",
            "org.continuumcare.routes.employment..",
            "org.continuumcare.routes.probation..",
            "org.continuumcare.routes.prison..")
        .because(
            "partners register through the SPI (org.continuumcare.routes.partner.PartnerFormat,"
                + " org.continuumcare.routes.handoff.HandoffIntake) and reach the store through"
                + " ports the gateway implements")
        .check(gateway);
  }

  @Test
  void ofCamelRoutesTheGatewayUsesOnlyTheSpiKitsAndPorts() {
    classes()
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("org.continuumcare.routes..")
                .or(
                    resideInAnyPackage(
                        "org.continuumcare.routes.partner..",
                        "org.continuumcare.routes.partnerjson..",
                        "org.continuumcare.routes.hmis..",
                        "org.continuumcare.routes.referral..",
                        "org.continuumcare.routes.relay..",
                        "org.continuumcare.routes.polling..",
                        "org.continuumcare.routes.handoff..")))
        .because("a new partner package is as unknown to the gateway as the ones named above")
        .check(gateway);
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices().matching("org.continuumcare.gateway.(*)..").should().beFreeOfCycles().check(gateway);
  }
}
