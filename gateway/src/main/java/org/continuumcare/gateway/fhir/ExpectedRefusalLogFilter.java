package org.continuumcare.gateway.fhir;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the expected refusals of FHIR requests out of the ERROR log. On a thread serving a {@code
 * /fhir} request it drops the lines HAPI's search code and Hibernate log, ERROR and stack traces
 * included, when a statement is cancelled by the API's statement timeout: {@link
 * StatementTimeoutResponse} logs that refusal in one WARN line. (A 4xx an interceptor throws is
 * kept out of the error log by the web package's {@code HapiRefusalLogFilter}, for every request.)
 *
 * <p>The refusal is still answered with its OperationOutcome and appears in the request's access
 * log line. Every other line, and everything logged by the gateway's background work, passes
 * untouched.
 */
final class ExpectedRefusalLogFilter extends TurboFilter {

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
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
    if (level == null
        || !level.isGreaterOrEqual(Level.WARN)
        || logger == null
        || !FhirRequestScope.isActive()) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    Throwable failure = thrownBy(params, thrown);
    if ((name.startsWith("ca.uhn.fhir.") || name.startsWith("org.hibernate."))
        && (failure != null
            ? StatementCancellation.isTimeout(failure)
            : StatementCancellation.describesTimeout(format))) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  /** SLF4J passes a trailing Throwable argument among the parameters, not as {@code thrown}. */
  private static Throwable thrownBy(Object[] params, Throwable thrown) {
    if (thrown != null) {
      return thrown;
    }
    if (params != null
        && params.length > 0
        && params[params.length - 1] instanceof Throwable last) {
      return last;
    }
    return null;
  }
}
