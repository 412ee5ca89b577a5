package org.continuumcare.gateway.web;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps expected refusals out of the error log. HAPI logs every exception a hook throws at ERROR
 * with its stack trace ({@code BaseInterceptorService}), including the 4xx answers that
 * authorization, the access gate, consent and validation give by throwing from their hooks. Those
 * are the caller's fault, answered with an OperationOutcome and recorded in the access log (and
 * audited where they are refusals): this filter drops HAPI's ERROR line for them. Anything else a
 * hook throws (a 5xx, a bug) is still logged there, and again by the FHIR server's error handling.
 */
final class ExpectedRefusalLogFilter extends TurboFilter {

  static final String HAPI_HOOK_LOGGER = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
    if (level != Level.ERROR || logger == null || !HAPI_HOOK_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable cause = thrown != null ? thrown
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    return cause instanceof BaseServerResponseException refusal && refusal.getStatusCode() < 500
        ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
