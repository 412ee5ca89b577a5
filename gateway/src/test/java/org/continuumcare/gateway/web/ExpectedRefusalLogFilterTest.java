package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class ExpectedRefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger hooks = context.getLogger(ExpectedRefusalLogFilter.HAPI_HOOK_LOGGER);
  private final ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();

  private FilterReply logged(Logger logger, Level level, Throwable thrown) {
    return filter.decide(null, logger, level, "Exception thrown by interceptor for pointcut {}: {}",
        new Object[] {"STORAGE_PRESTORAGE_RESOURCE_UPDATED", String.valueOf(thrown), thrown}, null);
  }

  @Test
  void aRefusalAHookThrowsIsNotAnError() {
    assertThat(logged(hooks, Level.ERROR, new ForbiddenOperationException("no"))).isEqualTo(FilterReply.DENY);
    assertThat(logged(hooks, Level.ERROR, new ResourceNotFoundException("HAPI-2001: Resource Task/1 is not known")))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void aFailureAHookThrowsIsStillLogged() {
    assertThat(logged(hooks, Level.ERROR, new InternalErrorException("broken"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(logged(hooks, Level.ERROR, new IllegalStateException("bug"))).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void otherLoggersAndLevelsAreLeftAlone() {
    assertThat(logged(context.getLogger("org.continuumcare.gateway"), Level.ERROR, new ForbiddenOperationException("no")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(logged(hooks, Level.WARN, new ForbiddenOperationException("no"))).isEqualTo(FilterReply.NEUTRAL);
  }
}
