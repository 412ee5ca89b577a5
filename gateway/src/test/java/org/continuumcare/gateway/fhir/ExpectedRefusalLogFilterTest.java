package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class ExpectedRefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger interceptorService = context.getLogger(ExpectedRefusalLogFilter.INTERCEPTOR_SERVICE_LOGGER);
  private final ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();

  /** As HAPI logs a hook's exception: {@code error("... {}: {}", pointcut, text, exception)}. */
  private FilterReply hookFailure(Logger logger, Level level, Exception exception) {
    return filter.decide(null, logger, level, "Exception thrown by interceptor for pointcut {}: {}",
        new Object[] {"SERVER_INCOMING_REQUEST_PRE_HANDLED", exception.toString(), exception}, null);
  }

  @Test
  void aRefusalThrownByAHookIsNotLoggedAsAnError() {
    assertThat(hookFailure(interceptorService, Level.ERROR, new ForbiddenOperationException("scope"))).isEqualTo(FilterReply.DENY);
    assertThat(hookFailure(interceptorService, Level.ERROR, new InvalidRequestException("entry"))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void aHookFailingOtherwiseIsStillLogged() {
    assertThat(hookFailure(interceptorService, Level.ERROR, new InternalErrorException("bug"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(hookFailure(interceptorService, Level.ERROR, new IllegalStateException("bug"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, interceptorService, Level.ERROR, "failed", null, new NullPointerException()))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void otherLoggersAreLeftAlone() {
    Logger other = context.getLogger("org.continuumcare.gateway.fhir.ErrorResponseInterceptor");
    assertThat(hookFailure(other, Level.ERROR, new ForbiddenOperationException("scope"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(hookFailure(interceptorService, Level.WARN, new ForbiddenOperationException("scope"))).isEqualTo(FilterReply.NEUTRAL);
  }
}
