package org.continuumcare.gateway.input;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Refuses a resource before it is stored when its content breaks the rules of {@link
 * ResourceContentRules}: 400 with one OperationOutcome issue per problem, each naming the element
 * ({@code Patient.text.div: <script> is not allowed ...}). What a client writes through {@code
 * /fhir} (create, update, the result of a patch, each entry of a transaction or batch) must follow
 * all of FHIR's text and narrative rules. What the gateway writes itself (partner routes, packages,
 * audit) is only refused for strings no database can store (an unpaired surrogate from a partner's
 * JSON failed the write with a 500); its own narratives and the packages it installs are trusted.
 * Registered on HAPI's storage layer, so every write passes here.
 */
@Interceptor
final class ResourceContentInterceptor {

  private static final int MAX_ISSUES = 20;

  private final ResourceContentRules rules;

  ResourceContentInterceptor(ResourceContentRules rules) {
    this.rules = rules;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    check(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    check(resource, request);
  }

  private void check(IBaseResource resource, RequestDetails request) {
    boolean fromClient = request instanceof ServletRequestDetails;
    List<ResourceContentRules.Problem> problems =
        fromClient ? rules.problems(resource) : rules.unstorable(resource);
    if (problems.isEmpty()) {
      return;
    }
    OperationOutcome outcome = new OperationOutcome();
    problems.stream()
        .limit(MAX_ISSUES)
        .forEach(
            problem ->
                outcome
                    .addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(problem.activeContent() ? IssueType.SECURITY : IssueType.INVALID)
                    .setDiagnostics(problem.describe())
                    .addExpression(problem.path()));
    String message =
        problems.get(0).describe()
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "");
    throw new InvalidRequestException(message, outcome);
  }
}
