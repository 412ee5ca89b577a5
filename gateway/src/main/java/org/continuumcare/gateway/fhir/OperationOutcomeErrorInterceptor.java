package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.continuumcare.gateway.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps internals out of error responses. HAPI's own exceptions already carry a precise
 * OperationOutcome for the caller and pass through untouched; anything else (a bug, a lost database
 * connection) is logged here with its stack trace and answered with a generic 500 that names the
 * request id, so an operator can find the log line without the caller seeing SQL or class names.
 */
@Interceptor
final class OperationOutcomeErrorInterceptor {

  private static final Logger log = LoggerFactory.getLogger(OperationOutcomeErrorInterceptor.class);

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException hideInternals(RequestDetails request, Throwable exception) {
    if (exception instanceof BaseServerResponseException known
        && !(known instanceof InternalErrorException)) {
      return known;
    }
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    log.error(
        "Unexpected failure of {} {}",
        request.getRequestType(),
        request.getResourceName() == null ? "/" : request.getResourceName(),
        exception);
    return new InternalErrorException(
        "The server failed to process this request. Quote request id "
            + (requestId == null ? "(none)" : requestId)
            + " to the operator.");
  }
}
