package org.continuumcare.routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's boundaries: camel-routes knows nothing of the gateway; each partner is one package
 * that no other package reads (the kits and ports it builds on, {@code partner}, {@code
 * partnerjson}, {@code hmis}, {@code referral}, {@code relay}, {@code handoff} and {@code polling},
 * know no partner); and no two packages depend on each other in a cycle.
 */
class ArchitectureTest {

  /** The partner packages: each registers itself (a PartnerFormat bean, or its own routes). */
  static final List<String> PARTNERS = List.of("housing", "employment", "probation", "prison");

  /** What partners build on. */
  static final List<String> KITS =
      List.of("partner", "partnerjson", "hmis", "referral", "relay", "handoff", "polling");

  private static JavaClasses routes;

  @BeforeAll
  static void importClasses() {
    routes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.continuumcare.routes");
  }

  private static String[] packages(List<String> names) {
    return names.stream()
        .map(name -> "org.continuumcare.routes." + name + "..")
        .toArray(String[]::new);
  }

  @Test
  void camelRoutesNeverUsesTheGateway() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.continuumcare.gateway..")
        .check(routes);
  }

  @Test
  void partnerPackagesNeverUseEachOther() {
    for (String partner : PARTNERS) {
      String[] others = packages(PARTNERS.stream().filter(p -> !p.equals(partner)).toList());
      noClasses()
          .that()
          .resideInAPackage("org.continuumcare.routes." + partner + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because(
              "a partner is one package; what two partners share belongs in a kit "
                  + Arrays.toString(packages(KITS)))
          .check(routes);
    }
  }

  @Test
  void theKitsKnowNoPartner() {
    noClasses()
        .that()
        .resideInAnyPackage(packages(KITS))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(PARTNERS))
        .check(routes);
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices().matching("org.continuumcare.routes.(*)..").should().beFreeOfCycles().check(routes);
  }
}
