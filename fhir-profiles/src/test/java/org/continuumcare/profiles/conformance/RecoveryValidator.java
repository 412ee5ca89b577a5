package org.continuumcare.profiles.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.continuumcare.profiles.packages.FhirPackages;
import org.continuumcare.profiles.packages.QuestionnaireValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's validator loaded with both Continuum packages from the classpath, built once per test JVM.
 */
final class RecoveryValidator {

  static final FhirContext CONTEXT = FhirContext.forR4Cached();
  private static final FhirValidator VALIDATOR = build();

  private RecoveryValidator() {}

  private static FhirValidator build() {
    try {
      NpmPackageValidationSupport packages = new NpmPackageValidationSupport(CONTEXT);
      packages.loadPackageFromClasspath("classpath:" + FhirPackages.TERMINOLOGY);
      packages.loadPackageFromClasspath("classpath:" + FhirPackages.RECOVERY);
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(CONTEXT),
              packages,
              QuestionnaireValidationSupport.fromRecoveryPackage(CONTEXT),
              new CommonCodeSystemsTerminologyService(CONTEXT),
              new InMemoryTerminologyServerValidationSupport(CONTEXT),
              new SnapshotGeneratingValidationSupport(CONTEXT),
              // Codes of external CodeSystems we cannot load offline (Gravity SDOHCC codes in the
              // referral-category ValueSet) are reported as warnings, like the HL7 validator with
              // -tx n/a.
              unknownCodeSystemsAsWarnings());
      FhirValidator validator = CONTEXT.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
      return validator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UnknownCodeSystemWarningValidationSupport unknownCodeSystemsAsWarnings() {
    UnknownCodeSystemWarningValidationSupport support =
        new UnknownCodeSystemWarningValidationSupport(CONTEXT);
    support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    return support;
  }

  static List<SingleValidationMessage> errors(IBaseResource resource) {
    return VALIDATOR.validateWithResult(resource).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }

  static List<SingleValidationMessage> all(IBaseResource resource) {
    return VALIDATOR.validateWithResult(resource).getMessages();
  }

  static String describe(List<SingleValidationMessage> messages) {
    StringBuilder text = new StringBuilder();
    messages.forEach(
        m ->
            text.append("\n  ")
                .append(m.getSeverity())
                .append(' ')
                .append(m.getLocationString())
                .append(": ")
                .append(m.getMessage()));
    return text.toString();
  }
}
