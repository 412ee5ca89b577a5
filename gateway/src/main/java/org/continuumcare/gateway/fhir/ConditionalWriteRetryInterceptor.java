package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;

/**
 * Conditional writes that lose a race are run again instead of failing with 409. Two clients
 * creating the same resource at once ({@code POST} with {@code If-None-Exist}, {@code PUT
 * Type?search}, or such entries in a transaction) both find no match; the first to commit creates
 * it, the other's commit fails on HAPI's unique match-URL index (HAPI-2745) or a version index.
 * HAPI's transaction service then asks this hook whether to retry: for a request with a conditional
 * write, yes, in a new database transaction, where the conditional URL now matches what the winner
 * stored, so every client gets 200/201 with the same resource. Other requests keep HAPI's default
 * (no retry): a plain update that loses still gets its 409.
 */
@Interceptor
final class ConditionalWriteRetryInterceptor {

  /** HAPI waits up to 250 ms × attempt (random) between attempts. */
  static final int MAX_RETRIES = 5;

  @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
  public ResourceVersionConflictResolutionStrategy retryConditionalWrites(RequestDetails request) {
    if (request == null || !hasConditionalWrite(request)) {
      return null;
    }
    ResourceVersionConflictResolutionStrategy retry =
        new ResourceVersionConflictResolutionStrategy();
    retry.setRetry(true);
    retry.setMaxRetries(MAX_RETRIES);
    return retry;
  }

  static boolean hasConditionalWrite(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    if (operation == null) {
      return false;
    }
    return switch (operation) {
      case CREATE ->
          request.getHeader(Constants.HEADER_IF_NONE_EXIST) != null
              && !request.getHeader(Constants.HEADER_IF_NONE_EXIST).isBlank();
      case UPDATE, PATCH ->
          (request.getId() == null || !request.getId().hasIdPart())
              && request.getCompleteUrl() != null
              && request.getCompleteUrl().contains("?");
      case TRANSACTION ->
          request.getResource() instanceof Bundle bundle
              && bundle.getEntry().stream()
                  .anyMatch(ConditionalWriteRetryInterceptor::isConditionalWrite);
      default -> false;
    };
  }

  static boolean isConditionalWrite(BundleEntryComponent entry) {
    HTTPVerb method = entry.getRequest().getMethod();
    String url = entry.getRequest().getUrl();
    return (method == HTTPVerb.POST && entry.getRequest().hasIfNoneExist())
        || ((method == HTTPVerb.PUT || method == HTTPVerb.PATCH)
            && url != null
            && url.contains("?"));
  }
}
