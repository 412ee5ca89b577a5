package org.continuumcare.gateway.input;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.continuumcare.gateway.fhir.TransactionEntries;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Reference;

/**
 * Refuses, before anything runs, a request whose search parameter values cannot be read: searches
 * and conditional updates, deletes and patches (their URL), conditional creates ({@code
 * If-None-Exist}), the history and paging parameters of any request, and in a transaction or batch
 * every entry's URL, {@code ifNoneExist} and conditional reference ({@code
 * Patient?identifier=...}), naming the entry. The answer is a 400 OperationOutcome naming the
 * parameter and the value.
 */
@Interceptor
final class SearchParameterInterceptor {

  private final SearchParameterValues values;
  private final FhirContext fhirContext;

  SearchParameterInterceptor(SearchParameterValues values, FhirContext fhirContext) {
    this.values = values;
    this.fhirContext = fhirContext;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public void checkRequest(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    String resourceType = request.getResourceName();
    boolean searchLike =
        operation == RestOperationTypeEnum.SEARCH_TYPE
            || operation == RestOperationTypeEnum.SEARCH_SYSTEM
            || (isConditionalWrite(operation) && request.getId() == null);
    refuseIf(values.problem(searchLike ? resourceType : null, request.getParameters()), "");
    String ifNoneExist = request.getHeader(Constants.HEADER_IF_NONE_EXIST);
    if (operation == RestOperationTypeEnum.CREATE
        && ifNoneExist != null
        && !ifNoneExist.isBlank()) {
      refuseIf(values.problemInMatchUrl(resourceType, ifNoneExist), "If-None-Exist: ");
    }
  }

  /** Transactions and batches: the body is parsed by now. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void checkBundleEntries(RequestDetails request, RestOperationTypeEnum operation) {
    if ((operation != RestOperationTypeEnum.TRANSACTION && operation != RestOperationTypeEnum.BATCH)
        || !(request.getResource() instanceof Bundle bundle)) {
      return;
    }
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int index = 0; index < entries.size(); index++) {
      BundleEntryComponent entry = entries.get(index);
      String prefix = TransactionEntries.describe(bundle, index) + ": ";
      String url = entry.getRequest().getUrl();
      if (url != null && url.contains("?")) {
        refuseIf(values.problemInMatchUrl(null, url), prefix);
      }
      String ifNoneExist = entry.getRequest().getIfNoneExist();
      if (ifNoneExist != null && !ifNoneExist.isBlank()) {
        refuseIf(
            values.problemInMatchUrl(typeOf(url, entry.getResource()), ifNoneExist),
            prefix + "ifNoneExist: ");
      }
      if (entry.getResource() != null) {
        for (Reference reference :
            fhirContext
                .newTerser()
                .getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
          String target = reference.getReference();
          if (target != null
              && target.contains("?")
              && !target.contains("://")
              && !target.startsWith("urn:")) {
            refuseIf(values.problemInMatchUrl(null, target), prefix + "reference " + target + ": ");
          }
        }
      }
    }
  }

  private static boolean isConditionalWrite(RestOperationTypeEnum operation) {
    return operation == RestOperationTypeEnum.UPDATE
        || operation == RestOperationTypeEnum.DELETE
        || operation == RestOperationTypeEnum.PATCH;
  }

  private static String typeOf(String url, IBaseResource resource) {
    if (resource != null) {
      return resource.fhirType();
    }
    if (url == null) {
      return null;
    }
    String path = url.startsWith("/") ? url.substring(1) : url;
    int end = path.indexOf('?');
    return end < 0 ? path : path.substring(0, end);
  }

  private static void refuseIf(Optional<String> problem, String prefix) {
    if (problem.isPresent()) {
      throw new InvalidRequestException(
          prefix
              + problem.get()
              + (prefix.startsWith("Bundle.entry") ? ". Nothing was stored." : ""));
    }
  }
}
