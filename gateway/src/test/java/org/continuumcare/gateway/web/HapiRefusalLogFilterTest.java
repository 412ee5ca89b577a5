package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class HapiRefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger interceptors = context.getLogger(HapiRefusalLogFilter.INTERCEPTOR_SERVICE);
  private final HapiRefusalLogFilter filter = new HapiRefusalLogFilter();

  private FilterReply errorAbout(Logger logger, Throwable thrown) {
    return filter.decide(
        null,
        logger,
        Level.ERROR,
        "Exception thrown by interceptor for pointcut {}: {}",
        new Object[] {"SERVER_INCOMING_REQUEST_POST_PROCESSED", thrown.toString(), thrown},
        null);
  }

  @Test
  void aRefusalAnInterceptorThrowsOnPurposeIsNotAnError() {
    assertThat(errorAbout(interceptors, new InvalidRequestException("bad date")))
        .isEqualTo(FilterReply.DENY);
    assertThat(errorAbout(interceptors, new ForbiddenOperationException("scope")))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void serverFailuresAndOtherLoggersAreLoggedAsBefore() {
    assertThat(errorAbout(interceptors, new InternalErrorException("bug")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(errorAbout(interceptors, new NullPointerException())).isEqualTo(FilterReply.NEUTRAL);
    assertThat(
            errorAbout(
                context.getLogger("org.continuumcare.Other"), new InvalidRequestException("x")))
        .isEqualTo(FilterReply.NEUTRAL);
  }
}
