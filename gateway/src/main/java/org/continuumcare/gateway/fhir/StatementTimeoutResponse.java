package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request whose database statement was cancelled by the API's statement timeout with a
 * 400 whose OperationOutcome has issue code {@code too-costly} (HAPI would answer 500), logged in
 * one WARN line without a stack trace. A statement cancelled because the client disconnected
 * ({@link AbandonedRequestWatch}) is logged in one INFO line and answered 499, which no one reads.
 * Runs before {@link ErrorResponseInterceptor}: HAPI takes the first hook that replaces an outgoing
 * exception.
 */
@Interceptor
final class StatementTimeoutResponse {

  private static final Logger log = LoggerFactory.getLogger(StatementTimeoutResponse.class);

  /**
   * The entry a transaction's failure names ({@link TransactionReads}), e.g. {@code Bundle.entry[1]
   * (GET Patient?…)}.
   */
  private static final Pattern NAMED_ENTRY =
      Pattern.compile("^(Bundle\\.entry\\[\\d+] \\(.*?\\)): ");

  /**
   * Not an HTTP status any client receives: the status proxies such as nginx log for a client that
   * left.
   */
  static final int CLIENT_CLOSED_REQUEST = 499;

  private final Duration timeout;

  StatementTimeoutResponse(Duration timeout) {
    this.timeout = timeout;
  }

  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -100)
  public BaseServerResponseException tooCostly(RequestDetails request, Throwable exception) {
    if (!StatementCancellation.isTimeout(exception)) {
      return null;
    }
    FhirRequestScope scope = FhirRequestScope.current();
    if (scope != null && scope.isAbandoned()) {
      // Nobody reads this answer; the access log shows 499, as proxies log a client that left.
      log.info(
          "{} /fhir/{} cancelled: its client disconnected",
          request.getRequestType(),
          request.getRequestPath());
      return new UnclassifiedServerFailureException(
          CLIENT_CLOSED_REQUEST,
          "The client closed the connection before the answer; the request's database work was cancelled "
              + "and nothing of it was stored.");
    }
    String limit = timeout.toMillis() + " ms";
    log.warn(
        "{} /fhir/{} refused as too costly: a database statement ran longer than {} and was cancelled",
        request.getRequestType(),
        request.getRequestPath(),
        limit);
    Matcher entry = NAMED_ENTRY.matcher(String.valueOf(exception.getMessage()));
    return TooCostly.refusal(
        (entry.find() ? entry.group(1) + ": " : "")
            + "This request was too costly: a database statement ran longer than "
            + limit
            + " (continuum.fhir.search.statement-timeout) and was cancelled; nothing of this request was stored. "
            + "Narrow the search (more selective parameters, fewer chained or _has parameters, a smaller _count) "
            + "or split the request.");
  }
}
