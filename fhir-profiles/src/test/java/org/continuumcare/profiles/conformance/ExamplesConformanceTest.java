package org.continuumcare.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.continuumcare.profiles.packages.FhirPackages;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every resource the continuumcare.recovery package ships (examples, Questionnaires,
 * SearchParameters, ValueSets) validates with 0 errors.
 */
class ExamplesConformanceTest {

  private static final NpmPackage RECOVERY = FhirPackages.load(FhirPackages.RECOVERY);

  private static final String[] VALIDATED_TYPES = {
    "Patient",
    "Organization",
    "Practitioner",
    "RelatedPerson",
    "QuestionnaireResponse",
    "Observation",
    "CarePlan",
    "Goal",
    "CareTeam",
    "ServiceRequest",
    "Task",
    "Composition",
    "Consent",
    "MedicationStatement",
    "Bundle",
    "Questionnaire",
    "SearchParameter",
    "ValueSet"
  };

  @TestFactory
  Stream<DynamicTest> everyPackagedResourceValidatesWithoutErrors() {
    List<IBaseResource> resources =
        FhirPackages.resources(RecoveryValidator.CONTEXT, RECOVERY, VALIDATED_TYPES);
    assertThat(resources).hasSizeGreaterThan(40);
    return resources.stream()
        .map(
            resource ->
                DynamicTest.dynamicTest(
                    resource.getIdElement().getResourceType()
                        + "/"
                        + resource.getIdElement().getIdPart(),
                    () -> {
                      List<SingleValidationMessage> errors = RecoveryValidator.errors(resource);
                      assertThat(errors)
                          .as("validation errors:%s", RecoveryValidator.describe(errors))
                          .isEmpty();
                    }));
  }

  @Test
  void thePackageHoldsEveryProfileAndQuestionnaireUnderItsAgreedCanonical() {
    List<String> profileIds =
        FhirPackages.resources(RecoveryValidator.CONTEXT, RECOVERY, "StructureDefinition").stream()
            .map(r -> r.getIdElement().getIdPart())
            .toList();
    assertThat(profileIds)
        .contains(
            "recovery-capital-assessment",
            "recovery-capital-score",
            "recovery-plan",
            "recovery-goal",
            "recovery-care-team",
            "referral",
            "referral-task",
            "release-handoff",
            "sud-disclosure-consent");
    List<String> questionnaires =
        FhirPackages.resources(RecoveryValidator.CONTEXT, RECOVERY, "Questionnaire").stream()
            .map(r -> ((org.hl7.fhir.r4.model.Questionnaire) r).getUrl())
            .toList();
    assertThat(questionnaires)
        .containsExactlyInAnyOrder(
            "https://continuumcare.org/fhir/Questionnaire/barc-10",
            "https://continuumcare.org/fhir/Questionnaire/mirc-28",
            "https://continuumcare.org/fhir/Questionnaire/recovery-capital-8-domain");
    assertThat(RECOVERY.name()).isEqualTo("continuumcare.recovery");
    assertThat(RECOVERY.version()).isEqualTo("0.1.0");
  }
}
