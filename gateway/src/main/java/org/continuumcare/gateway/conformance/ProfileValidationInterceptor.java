package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;

/**
 * Refuses, with 422 and an OperationOutcome naming each element at fault, any write of a resource
 * that claims one of Continuum's profiles or answers one of its Questionnaires and does not conform.
 * Runs before storage, inside the write's transaction: nothing invalid is stored and nothing derived
 * from it is created. Other resources are stored as the base FHIR specification allows.
 */
@Interceptor
final class ProfileValidationInterceptor {

  private final FhirContext fhirContext;
  private final FhirValidator validator;

  ProfileValidationInterceptor(FhirContext fhirContext, IInstanceValidatorModule instanceValidator) {
    this.fhirContext = fhirContext;
    this.validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void validateCreate(IBaseResource resource) {
    validate(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void validateUpdate(IBaseResource previous, IBaseResource resource) {
    validate(resource);
  }

  void validate(IBaseResource resource) {
    boolean claimsProfile = ContinuumCanonicals.claimsOurProfile(resource);
    boolean assessment = ContinuumCanonicals.answersOurQuestionnaire(resource);
    if (!claimsProfile && !assessment) {
      return;
    }
    ValidationOptions options = new ValidationOptions();
    if (assessment && !claimsProfile) {
      options.addProfile(ContinuumCanonicals.ASSESSMENT_PROFILE);
    }
    ValidationResult result = validator.validateWithResult(resource, options);
    List<SingleValidationMessage> errors =
        result.getMessages().stream()
            .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
            .toList();
    if (!errors.isEmpty()) {
      throw new UnprocessableEntityException(fhirContext, outcomeOf(resource, errors));
    }
  }

  private static OperationOutcome outcomeOf(IBaseResource resource, List<SingleValidationMessage> errors) {
    OperationOutcome outcome = new OperationOutcome();
    for (SingleValidationMessage error : errors) {
      OperationOutcome.OperationOutcomeIssueComponent issue =
          outcome.addIssue()
              .setSeverity(OperationOutcome.IssueSeverity.ERROR)
              .setCode(OperationOutcome.IssueType.INVARIANT)
              .setDiagnostics(locationOf(resource, error) + ": " + error.getMessage());
      if (error.getLocationString() != null) {
        issue.addExpression(error.getLocationString());
        issue.getLocation().add(new StringType(error.getLocationString()));
      }
    }
    return outcome;
  }

  private static String locationOf(IBaseResource resource, SingleValidationMessage error) {
    String location = error.getLocationString();
    return location == null || location.isBlank() ? resource.fhirType() : location;
  }
}
