package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpectedRefusalLogFilterTest {

  private final LoggerContext logging = new LoggerContext();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();
  private final Logger interceptorService =
      logging.getLogger("ca.uhn.fhir.interceptor.executor.BaseInterceptorService");

  @BeforeEach
  void capture() {
    logged.setContext(logging);
    logged.start();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logged);
    filter.attachTo(logging);
  }

  @AfterEach
  void release() {
    filter.detach();
    logging.stop();
  }

  @Test
  void theLinesOfAStatementCancelledByTheApiTimeoutAreDroppedDuringAFhirRequestOnly() {
    SQLException cancelled =
        new SQLException("ERROR: canceling statement due to statement timeout", "57014");
    Logger searchTask = logging.getLogger("ca.uhn.fhir.jpa.search.builder.tasks.SearchTask");
    Logger hibernate = logging.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");
    try (FhirRequestScope ignored = FhirRequestScope.enter()) {
      searchTask.error(
          "Failed during search loading after {}ms",
          30_000L,
          new InternalErrorException("HAPI-1262", cancelled));
      hibernate.warn("SQL Error: 0, SQLState: 57014");
      hibernate.error("ERROR: canceling statement due to statement timeout");
    }
    searchTask.error(
        "Failed during search loading after {}ms",
        30_000L,
        new InternalErrorException("HAPI-1262", cancelled));

    assertThat(logged.list).as("only the line logged outside a FHIR request").hasSize(1);
  }

  @Test
  void serverErrorsAndOtherLoggersAndBackgroundThreadsKeepTheirLines() {
    InvalidRequestException refusal = new InvalidRequestException("nested too deep");
    try (FhirRequestScope ignored = FhirRequestScope.enter()) {
      InternalErrorException bug = new InternalErrorException("bug");
      interceptorService.error(
          "Exception thrown by interceptor for pointcut {}: {}",
          "STORAGE_PRESEARCH_REGISTERED",
          bug.toString(),
          bug);
      logging.getLogger("org.continuumcare.gateway.Other").error("refused", refusal);
    }
    interceptorService.error(
        "Exception thrown by interceptor for pointcut {}: {}",
        "STORAGE_PRESEARCH_REGISTERED",
        refusal.toString(),
        refusal);

    assertThat(logged.list).hasSize(3);
  }
}
