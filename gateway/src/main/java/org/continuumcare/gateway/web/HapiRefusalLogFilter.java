package org.continuumcare.gateway.web;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps expected refusals out of the error log. HAPI logs every exception an interceptor throws at
 * ERROR with its stack trace ({@code BaseInterceptorService}: "Exception thrown by interceptor"),
 * although a 4xx thrown on purpose (a refused search value, narrative, scope) is an answer, not a
 * failure; HAPI's {@code ExceptionHandlingInterceptor} logs those once more in one WARN line, which
 * stays. This drops only that ERROR entry, and only for a {@link BaseServerResponseException} with
 * a status below 500: anything else an interceptor throws is still logged as before.
 */
final class HapiRefusalLogFilter extends TurboFilter {

  static final String INTERCEPTOR_SERVICE =
      "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !INTERCEPTOR_SERVICE.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Object thrown =
        t != null ? t : params == null || params.length == 0 ? null : params[params.length - 1];
    return thrown instanceof BaseServerResponseException refusal && refusal.getStatusCode() < 500
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
