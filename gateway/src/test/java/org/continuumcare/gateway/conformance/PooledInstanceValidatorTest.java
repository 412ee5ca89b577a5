package org.continuumcare.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.continuumcare.profiles.packages.FhirPackages;
import org.continuumcare.profiles.packages.QuestionnaireValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The pooled validator answers exactly as HAPI's own, and builds InstanceValidators only when it
 * must.
 */
class PooledInstanceValidatorTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ValidationSupportChain CHAIN = chain();

  private final FhirInstanceValidator hapis = new FhirInstanceValidator(CHAIN);
  private final PooledInstanceValidator pooled = new PooledInstanceValidator(hapis, 2);

  @Test
  void validAndInvalidAssessmentsGetTheSameMessagesAsFromHapisValidator() {
    QuestionnaireResponse valid = barc10();
    QuestionnaireResponse invalid = barc10();
    invalid
        .getItemFirstRep()
        .getAnswerFirstRep()
        .setValue(new Coding("https://example.org/not-a-scale", "9", null));
    invalid.setStatus(null);

    for (IBaseResource resource : List.of(valid, invalid, patientBreakingAnInvariant())) {
      assertThat(describe(validate(pooled, resource)))
          .isEqualTo(describe(validate(hapis, resource)));
    }
    assertThat(errorsOf(validate(pooled, valid))).isEmpty();
    assertThat(errorsOf(validate(pooled, invalid))).isNotEmpty();
  }

  @Test
  void aBundleOfResourcesGetsTheSameMessagesAsFromHapisValidatorEntryByEntry() {
    QuestionnaireResponse invalid = barc10();
    invalid.setStatus(null);
    Bundle collection = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (Resource resource : List.of(barc10(), patientBreakingAnInvariant(), invalid)) {
      collection.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(resource);
    }

    List<SingleValidationMessage> messages = validate(pooled, collection);

    assertThat(describe(messages)).isEqualTo(describe(validate(hapis, collection)));
    assertThat(errorsOf(messages))
        .extracting(SingleValidationMessage::getLocationString)
        .anyMatch(location -> location.startsWith("Bundle.entry[1].resource"))
        .anyMatch(location -> location.startsWith("Bundle.entry[2].resource"))
        .noneMatch(location -> location.startsWith("Bundle.entry[0].resource"));
  }

  @Test
  void oneValidatorServesSuccessiveValidationsUntilItIsRetired() {
    QuestionnaireResponse assessment = barc10();
    for (int i = 0; i < PooledInstanceValidator.MAX_USES; i++) {
      validate(pooled, assessment);
    }
    assertThat(pooled.validatorsBuilt()).isEqualTo(1);

    validate(pooled, assessment);

    assertThat(pooled.validatorsBuilt()).isEqualTo(2);
    assertThat(pooled.validationsRun()).isEqualTo(PooledInstanceValidator.MAX_USES + 1);
  }

  @Test
  void clearingTheValidationCachesRetiresThePooledValidators() {
    validate(pooled, barc10());

    pooled.invalidateCaches();
    validate(pooled, barc10());

    assertThat(pooled.validatorsBuilt()).isEqualTo(2);
  }

  @Test
  void concurrentCallersEachGetTheirOwnValidatorAndTheirOwnMessages() throws Exception {
    QuestionnaireResponse valid = barc10();
    Patient invalid = patientBreakingAnInvariant();
    String expectedValid = describe(validate(hapis, valid));
    String expectedInvalid = describe(validate(hapis, invalid));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        boolean even = i % 2 == 0;
        calls.add(
            () ->
                describe(validate(pooled, even ? valid : invalid))
                    .equals(even ? expectedValid : expectedInvalid));
      }
      for (Future<Boolean> answer : threads.invokeAll(calls)) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<SingleValidationMessage> validate(
      FhirInstanceValidator module, IBaseResource resource) {
    FhirValidator validator = FHIR.newValidator().registerValidatorModule(module);
    ValidationOptions options = new ValidationOptions();
    return validator.validateWithResult(resource, options).getMessages();
  }

  private static List<SingleValidationMessage> errorsOf(List<SingleValidationMessage> messages) {
    return messages.stream()
        .filter(
            m ->
                m.getSeverity().ordinal()
                    >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
        .toList();
  }

  private static String describe(List<SingleValidationMessage> messages) {
    StringBuilder text = new StringBuilder();
    messages.forEach(
        m ->
            text.append(m.getSeverity())
                .append(' ')
                .append(m.getLocationString())
                .append(": ")
                .append(m.getMessage())
                .append('\n'));
    return text.toString();
  }

  private static Patient patientBreakingAnInvariant() {
    Patient patient = new Patient();
    patient.addName().setFamily("Test");
    patient.addTelecom().setValue("555-0100"); // no system: ContactPoint invariant cpt-2 fails
    patient.getMeta().addProfile("https://example.org/StructureDefinition/not-known");
    return patient;
  }

  private static QuestionnaireResponse barc10() {
    QuestionnaireResponse example =
        (QuestionnaireResponse)
            FhirPackages.resources(
                    FHIR, FhirPackages.load(FhirPackages.RECOVERY), "QuestionnaireResponse")
                .stream()
                .filter(
                    resource ->
                        resource.getIdElement().getIdPart().equals("jordan-barc-10-2026-11-20"))
                .findFirst()
                .orElseThrow();
    return example.copy();
  }

  private static ValidationSupportChain chain() {
    try {
      NpmPackageValidationSupport packages = new NpmPackageValidationSupport(FHIR);
      packages.loadPackageFromClasspath("classpath:" + FhirPackages.TERMINOLOGY);
      packages.loadPackageFromClasspath("classpath:" + FhirPackages.RECOVERY);
      return new ValidationSupportChain(
          new DefaultProfileValidationSupport(FHIR),
          packages,
          QuestionnaireValidationSupport.fromRecoveryPackage(FHIR),
          new CommonCodeSystemsTerminologyService(FHIR),
          new InMemoryTerminologyServerValidationSupport(FHIR),
          new SnapshotGeneratingValidationSupport(FHIR));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
