package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Refuses, with 422 and an OperationOutcome naming each element at fault, any write of a resource
 * that claims one of Continuum's profiles or answers one of its Questionnaires and does not
 * conform. Runs inside the write's database transaction, before it commits: nothing invalid is
 * stored and nothing derived from it is created. Other resources are stored as the base FHIR
 * specification allows.
 *
 * <p>A single write is validated before storage. The entries of a FHIR transaction Bundle that
 * claim a profile are validated together, once, just before the database transaction commits
 * ({@link TransactionValidationBatch}): HAPI's validator pays a fixed cost of its own for every
 * call (it re-reads its OID registry each time), so one call for a whole handoff instead of one per
 * entry. Assessments are always validated at once, because scoring reads them in the same write and
 * must only ever see a valid one.
 */
@Interceptor
final class ProfileValidationInterceptor {

  /** Request user data: the transaction Bundle being processed, to name its entries in errors. */
  static final String TRANSACTION_BUNDLE =
      ProfileValidationInterceptor.class.getName() + ".transaction";

  /**
   * Request user data: the write is of resources this server derived itself (the score Observations
   * of an assessment), whose conformance the fhir-profiles tests prove for every instrument and
   * edge case; they are not validated again on every store. Never set on a client's request.
   */
  static final String SERVER_DERIVED = ProfileValidationInterceptor.class.getName() + ".derived";

  private final FhirContext fhirContext;
  private final FhirValidator validator;
  private final Object batchKey = new Object();

  ProfileValidationInterceptor(
      FhirContext fhirContext, IInstanceValidatorModule instanceValidator) {
    this.fhirContext = fhirContext;
    this.validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
  }

  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void transactionStarts(IBaseBundle bundle, RequestDetails request) {
    if (request != null && bundle instanceof Bundle transaction) {
      request.getUserData().put(TRANSACTION_BUNDLE, transaction);
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void validateCreate(IBaseResource resource, RequestDetails request) {
    check(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void validateUpdate(
      IBaseResource previous, IBaseResource resource, RequestDetails request) {
    check(resource, request);
  }

  private void check(IBaseResource resource, RequestDetails request) {
    if (request != null && Boolean.TRUE.equals(request.getUserData().get(SERVER_DERIVED))) {
      return;
    }
    boolean claimsProfile = ContinuumCanonicals.claimsOurProfile(resource);
    boolean assessment = ContinuumCanonicals.answersOurQuestionnaire(resource);
    if (!claimsProfile && !assessment) {
      return;
    }
    Bundle transaction =
        request == null ? null : (Bundle) request.getUserData().get(TRANSACTION_BUNDLE);
    if (!assessment
        && transaction != null
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      batchOfThisDatabaseTransaction(transaction).add(resource);
      return;
    }
    ValidationOptions options = new ValidationOptions();
    if (assessment && !claimsProfile) {
      options.addProfile(ContinuumCanonicals.ASSESSMENT_PROFILE);
    }
    List<SingleValidationMessage> errors =
        errorsOf(validator.validateWithResult(resource, options).getMessages());
    if (!errors.isEmpty()) {
      OperationOutcome outcome = new OperationOutcome();
      errors.forEach(
          error ->
              addIssue(
                  outcome,
                  null,
                  error.getLocationString(),
                  resource.fhirType(),
                  error.getMessage()));
      throw new UnprocessableEntityException(fhirContext, outcome);
    }
  }

  private TransactionValidationBatch batchOfThisDatabaseTransaction(Bundle transaction) {
    TransactionValidationBatch batch =
        (TransactionValidationBatch) TransactionSynchronizationManager.getResource(batchKey);
    if (batch == null) {
      batch = new TransactionValidationBatch(transaction, this::validateTogether);
      TransactionSynchronizationManager.bindResource(batchKey, batch);
      TransactionSynchronizationManager.registerSynchronization(batch.synchronization(batchKey));
    }
    return batch;
  }

  /**
   * One validator call for all the resources; each error is given back to the entry it is about.
   */
  private void validateTogether(TransactionValidationBatch batch) {
    List<TransactionValidationBatch.EntryError> errors =
        batch.errorsFrom(errorsOf(validator.validateWithResult(batch.collection()).getMessages()));
    if (!errors.isEmpty()) {
      OperationOutcome outcome = new OperationOutcome();
      errors.forEach(
          error ->
              addIssue(
                  outcome, error.entry(), error.location(), error.location(), error.message()));
      throw new UnprocessableEntityException(fhirContext, outcome);
    }
  }

  private static List<SingleValidationMessage> errorsOf(List<SingleValidationMessage> messages) {
    return messages.stream()
        .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .toList();
  }

  private static void addIssue(
      OperationOutcome outcome, String entry, String location, String fallback, String message) {
    String where = location == null || location.isBlank() ? fallback : location;
    OperationOutcome.OperationOutcomeIssueComponent issue =
        outcome
            .addIssue()
            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
            .setCode(OperationOutcome.IssueType.INVARIANT)
            .setDiagnostics((entry == null ? "" : entry + ": ") + where + ": " + message);
    if (location != null && !location.isBlank()) {
      issue.addExpression(location);
      issue.getLocation().add(new StringType(location));
    }
  }
}
