package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps expected refusals out of the error log. HAPI's interceptor service logs every exception a
 * hook throws at ERROR with its stack trace, before the exception becomes the response, so each
 * 403 of the scope check or the authorization rules and each 400 of the transaction check was an
 * ERROR. A refusal (a HAPI exception with a 4xx status) is dropped from that logger: the request
 * still gets its one WARN line naming the reason (HAPI's exception handling) and its access-log
 * line. A hook failing with anything else is still logged as before.
 */
public final class ExpectedRefusalLogFilter extends TurboFilter {

  static final String INTERCEPTOR_SERVICE_LOGGER = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

  /**
   * Adds the filter to Logback's context (after Spring Boot configured logging); none when another
   * logging backend is in use.
   */
  static ExpectedRefusalLogFilter install() {
    ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      filter.setContext(context);
      filter.setName("expected-refusals");
      filter.start();
      context.addTurboFilter(filter);
    }
    return filter;
  }

  /** Removes the filter again (when the application context closes). */
  void uninstall() {
    if (getContext() instanceof LoggerContext context) {
      context.getTurboFilterList().remove(this);
    }
    stop();
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable throwable) {
    if (logger == null || level != Level.ERROR || !INTERCEPTOR_SERVICE_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    return isRefusal(throwable != null ? throwable : lastThrowable(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isRefusal(Throwable throwable) {
    return throwable instanceof BaseServerResponseException refusal
        && refusal.getStatusCode() >= 400 && refusal.getStatusCode() < 500;
  }

  /** SLF4J passes the exception of a parameterised message as its last argument. */
  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
  }
}
