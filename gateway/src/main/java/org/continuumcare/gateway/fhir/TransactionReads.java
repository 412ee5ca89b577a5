package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.NotModifiedException;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.BaseResourceReturningMethodBinding;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletSubRequestDetails;
import ca.uhn.fhir.rest.server.util.ServletRequestUtil;
import com.google.common.collect.ArrayListMultimap;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryRequestComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * The GET entries of a FHIR {@code transaction}, run the way HAPI runs them (one sub-request each,
 * through the server's own method bindings, so every interceptor sees them as before) with two
 * differences: they run inside the transaction's database transaction, and any entry that cannot be
 * answered fails the whole transaction with that entry named, so nothing the transaction wrote is
 * stored. HAPI answers such an entry with an error status of its own inside a 200 response (or
 * fails outright for some) after it has committed the writes.
 *
 * <p>Searches of those entries load synchronously, one page at most (the {@code _count} asked for,
 * up to the server's maximum page size), with no paging links: HAPI's persisted searches save their
 * state in a separate database transaction, which would hold a second pooled connection while the
 * first one waits, and enough concurrent transactions would exhaust the pool (the deadlock HAPI
 * avoids by running the reads after committing).
 */
@Interceptor
final class TransactionReads {

  /** Set on a transaction's request while its GET entries run. */
  static final String READING = TransactionReads.class.getName() + ".reading";

  private final FhirContext fhirContext;

  TransactionReads(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /**
   * Refuses, before anything is written, a GET entry that no operation of this server answers: an
   * unknown resource type or operation, a url that names something to change rather than to read.
   */
  void checkAnswerable(ServletRequestDetails request, Bundle bundle, int index) {
    try {
      methodFor(
          request, subRequest(request, bundle.getEntry().get(index), ArrayListMultimap.create()));
    } catch (BaseServerResponseException e) {
      throw named(bundle, index, e);
    } catch (DataFormatException e) {
      throw named(bundle, index, new InvalidRequestException(e.getMessage()));
    }
  }

  /** Answers entry {@code index} (a GET) or throws the exception that fails the transaction. */
  BundleEntryComponent read(ServletRequestDetails request, Bundle bundle, int index) {
    BundleEntryComponent answer = new BundleEntryComponent();
    ArrayListMultimap<String, String> parameters = ArrayListMultimap.create();
    try {
      ServletSubRequestDetails entryRequest =
          subRequest(request, bundle.getEntry().get(index), parameters);
      BaseResourceReturningMethodBinding method = methodFor(request, entryRequest);
      entryRequest.setRestOperationType(method.getRestOperationType());
      IBaseResource resource = method.doInvokeServer(request.getServer(), entryRequest);
      if (parameters.containsKey(Constants.PARAM_SUMMARY)
          || parameters.containsKey(Constants.PARAM_CONTENT)) {
        resource = asTheClientAskedFor(entryRequest, resource);
      }
      answer.setResource((Resource) resource);
      answer.getResponse().setStatus(status(Constants.STATUS_HTTP_200_OK));
    } catch (NotModifiedException e) {
      answer.getResponse().setStatus(status(Constants.STATUS_HTTP_304_NOT_MODIFIED));
    } catch (BaseServerResponseException e) {
      throw named(bundle, index, e);
    } catch (DataFormatException e) {
      throw named(bundle, index, new InvalidRequestException(e.getMessage()));
    }
    return answer;
  }

  /** Searches of a transaction's GET entries load synchronously, one page at most. */
  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void loadSynchronouslyInsideTheTransaction(
      RequestDetails request, SearchParameterMap parameters) {
    if (request != null
        && request.isSubRequest()
        && Boolean.TRUE.equals(request.getUserData().get(READING))) {
      // HAPI has already set the count: the _count asked for up to the maximum page size, or the
      // default one.
      parameters.setLoadSynchronous(true);
    }
  }

  private static ServletSubRequestDetails subRequest(
      ServletRequestDetails request,
      BundleEntryComponent entry,
      ArrayListMultimap<String, String> parameters) {
    BundleEntryRequestComponent entryRequest = entry.getRequest();
    ServletSubRequestDetails subRequest =
        ServletRequestUtil.getServletSubRequestDetails(
            request, entryRequest.getUrl(), "GET", parameters);
    if (entryRequest.hasIfMatch()) {
      subRequest.addHeader(Constants.HEADER_IF_MATCH, entryRequest.getIfMatch());
    }
    if (entryRequest.hasIfNoneExist()) {
      subRequest.addHeader(Constants.HEADER_IF_NONE_EXIST, entryRequest.getIfNoneExist());
    }
    if (entryRequest.hasIfNoneMatch()) {
      subRequest.addHeader(Constants.HEADER_IF_NONE_MATCH, entryRequest.getIfNoneMatch());
    }
    return subRequest;
  }

  private static BaseResourceReturningMethodBinding methodFor(
      ServletRequestDetails request, ServletSubRequestDetails entryRequest) {
    BaseMethodBinding method =
        request.getServer().determineResourceMethod(entryRequest, entryRequest.getRequestPath());
    if (!(method instanceof BaseResourceReturningMethodBinding reading)) {
      throw new InvalidRequestException(
          "no read, search or operation of this server answers a GET of this url");
    }
    return reading;
  }

  /** {@code _summary} and {@code _elements} applied to the nested resource, as HAPI does. */
  private IBaseResource asTheClientAskedFor(RequestDetails entryRequest, IBaseResource resource) {
    IParser parser = fhirContext.newJsonParser();
    RestfulServerUtils.configureResponseParser(entryRequest, parser);
    return parser.parseResource(resource.getClass(), parser.encodeResourceToString(resource));
  }

  private static String status(int code) {
    return code + " " + Constants.HTTP_STATUS_NAMES.get(code);
  }

  /** The failure of entry {@code index}, same status, its message prefixed with the entry. */
  static BaseServerResponseException named(
      Bundle bundle, int index, BaseServerResponseException failure) {
    String message =
        TransactionEntries.describe(bundle, index)
            + ": "
            + failure.getMessage()
            + ". Nothing was stored.";
    BaseServerResponseException named =
        BaseServerResponseException.newInstance(failure.getStatusCode(), message);
    named.initCause(failure);
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(issueTypeOf(failure.getOperationOutcome()))
        .setDiagnostics(message);
    named.setOperationOutcome(outcome);
    failure
        .getResponseHeaders()
        .forEach((name, values) -> values.forEach(value -> named.addResponseHeader(name, value)));
    return named;
  }

  private static OperationOutcome.IssueType issueTypeOf(IBaseOperationOutcome outcome) {
    if (outcome instanceof OperationOutcome r4
        && r4.hasIssue()
        && r4.getIssueFirstRep().hasCode()) {
      return r4.getIssueFirstRep().getCode();
    }
    return OperationOutcome.IssueType.PROCESSING;
  }
}
