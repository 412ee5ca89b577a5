package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.continuumcare.gateway.web.RequestIdFilter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Shapes every error the FHIR API returns.
 *
 * <ul>
 *   <li>A refused transaction names the entry at fault: its requests are checked before anything is
 *       stored, and a reference to a missing resource is traced to the entries that hold it (HAPI
 *       resolves references only after writing every entry, so its message names the reference, not
 *       the entry); a version conflict (409) to the entry whose write conflicted.
 *   <li>HAPI's own exceptions keep their status and precise OperationOutcome.
 *   <li>A request parameter value HAPI could not read (a date, number or quantity it fails on while
 *       binding a search, or later in a chained or conditional URL) is the caller's error: 400 with
 *       HAPI's reason, one log line. Values are checked before most requests run ({@code
 *       org.continuumcare.gateway.input}); this catches what that check cannot see.
 *   <li>Anything else (a bug, a lost database connection) is logged with its stack trace and
 *       answered with a generic 500 naming the request id: no SQL or class names reach a caller.
 * </ul>
 *
 * <p>One interceptor, because HAPI stops at the first hook that replaces an outgoing exception.
 */
@Interceptor
final class ErrorResponseInterceptor {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponseInterceptor.class);

  /** HAPI-1094, raised while a transaction resolves references, after every entry was written. */
  private static final Pattern MISSING_REFERENCE_TARGET =
      Pattern.compile("HAPI-1094: Resource (\\S+) not found");

  private final TransactionEntries entries;

  ErrorResponseInterceptor(TransactionEntries entries) {
    this.entries = entries;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void checkTransactionEntries(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.TRANSACTION
        && request.getResource() instanceof Bundle bundle
        && bundle.getType() == Bundle.BundleType.TRANSACTION) {
      entries.checkRequests(bundle);
    }
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException shape(RequestDetails request, Throwable exception) {
    if (exception instanceof BaseServerResponseException known
        && !(known instanceof InternalErrorException)) {
      return nameTransactionEntry(request, known);
    }
    Optional<String> unreadableValue = ParameterValueFailures.message(exception);
    if (unreadableValue.isPresent()) {
      log.info(
          "Refused {} {}: a parameter value could not be read",
          request.getRequestType(),
          request.getRequestPath());
      return nameTransactionEntry(
          request,
          new InvalidRequestException(
              "A request parameter value could not be read: " + unreadableValue.get()));
    }
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    log.error(
        "Unexpected failure of {} {}",
        request.getRequestType(),
        request.getRequestPath(),
        exception);
    return new InternalErrorException(
        "The server failed to process this request. Quote request id "
            + (requestId == null ? "(none)" : requestId)
            + " to the operator.");
  }

  private BaseServerResponseException nameTransactionEntry(
      RequestDetails request, BaseServerResponseException exception) {
    if (request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION
        || !(request.getResource() instanceof Bundle bundle)
        || exception.getMessage() == null) {
      return exception;
    }
    List<Integer> culprits;
    if (exception.getStatusCode() == 409) {
      // A version conflict: the entry whose write conflicted
      // (TransactionEntries.entriesInConflict).
      culprits = entries.entriesInConflict(bundle, exception.getMessage());
    } else {
      Matcher missingTarget = MISSING_REFERENCE_TARGET.matcher(exception.getMessage());
      if (!missingTarget.find()) {
        return exception;
      }
      culprits = entries.entriesReferringTo(bundle, missingTarget.group(1));
    }
    if (culprits.isEmpty()) {
      return exception;
    }
    String named =
        culprits.stream()
            .map(index -> TransactionEntries.describe(bundle, index))
            .collect(Collectors.joining("; "));
    return withMessage(exception, named + ": " + exception.getMessage() + ". Nothing was stored.");
  }

  private static BaseServerResponseException withMessage(
      BaseServerResponseException original, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.PROCESSING)
        .setDiagnostics(message);
    BaseServerResponseException replacement =
        new UnclassifiedServerFailureException(original.getStatusCode(), message, outcome);
    original
        .getResponseHeaders()
        .forEach(
            (name, values) -> values.forEach(value -> replacement.addResponseHeader(name, value)));
    return replacement;
  }
}
