package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the expected refusals of FHIR requests out of the ERROR log. HAPI logs every exception an
 * interceptor throws at ERROR with its stack trace, even the 400 of a search nested too deep; on a
 * thread serving a {@code /fhir} request such a line about a 4xx is dropped. The refusal is still
 * answered with its OperationOutcome and logged once, in the access log line of the request.
 * Every other line, and everything logged by the gateway's background work, passes untouched.
 */
final class ExpectedRefusalLogFilter extends TurboFilter {

  private static final String INTERCEPTOR_SERVICE = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";

  void attachTo(LoggerContext logging) {
    setContext(logging);
    start();
    logging.addTurboFilter(this);
  }

  void detach() {
    if (getContext() instanceof LoggerContext logging) {
      logging.getTurboFilterList().remove(this);
    }
    stop();
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger == null || !FhirRequestScope.isActive()) {
      return FilterReply.NEUTRAL;
    }
    if (INTERCEPTOR_SERVICE.equals(logger.getName()) && isClientError(thrownBy(params, thrown))) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isClientError(Throwable failure) {
    return failure instanceof BaseServerResponseException response
        && response.getStatusCode() >= 400 && response.getStatusCode() < 500;
  }

  /** SLF4J passes a trailing Throwable argument among the parameters, not as {@code thrown}. */
  private static Throwable thrownBy(Object[] params, Throwable thrown) {
    if (thrown != null) {
      return thrown;
    }
    if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      return last;
    }
    return null;
  }
}
