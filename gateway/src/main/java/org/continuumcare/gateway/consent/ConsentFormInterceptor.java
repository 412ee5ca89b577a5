package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Refuses, on the FHIR API, a SUD disclosure consent that does not state what {@link ConsentForm}
 * requires: 422 with one issue per element at fault, nothing stored.
 */
@Interceptor
final class ConsentFormInterceptor {

  private final ConsentForm form;
  private final Clock clock;

  ConsentFormInterceptor(ConsentForm form, Clock clock) {
    this.form = form;
    this.clock = clock;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    check(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    if (previous instanceof Consent before && resource instanceof Consent after) {
      refuse(
          form.revocationProblem(before, after, clock.instant()).map(List::of).orElse(List.of()));
    }
    check(resource);
  }

  /** A deletion is a revocation too. */
  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void deleted(IBaseResource resource) {
    if (resource instanceof Consent consent) {
      refuse(
          form.revocationProblem(consent, null, clock.instant()).map(List::of).orElse(List.of()));
    }
  }

  private void check(IBaseResource resource) {
    if (!(resource instanceof Consent consent)) {
      return;
    }
    refuse(form.problems(consent));
  }

  private static void refuse(List<ConsentForm.Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    OperationOutcome outcome = new OperationOutcome();
    StringBuilder message = new StringBuilder("The SUD disclosure consent is refused:");
    for (ConsentForm.Problem problem : problems) {
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.REQUIRED)
          .setDiagnostics(problem.element() + ": " + problem.message())
          .addExpression(problem.element());
      message
          .append(' ')
          .append(problem.element())
          .append(": ")
          .append(problem.message())
          .append(';');
    }
    throw new UnprocessableEntityException(message.toString(), outcome);
  }
}
