package org.continuumcare.gateway.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the application logs while a test runs, from every thread, as Logback events: a test picks
 * the events of its own HTTP request by the request id the gateway puts in the MDC.
 */
public final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private static final String REQUEST_ID = "requestId";

  private final List<ILoggingEvent> events = new ArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private CapturedLog() {}

  /** Starts capturing; close to stop. */
  public static CapturedLog capture() {
    CapturedLog log = new CapturedLog();
    log.setContext(log.root.getLoggerContext());
    log.setName("captured-log");
    log.start();
    log.root.addAppender(log);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    // The MDC and the message are read now, on the logging thread.
    event.prepareForDeferredProcessing();
    events.add(event);
  }

  /** Every event captured so far, from every thread. */
  public synchronized List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  /** The events logged while serving the request with this {@code X-Request-ID}. */
  public synchronized List<ILoggingEvent> ofRequest(String requestId) {
    return events.stream()
        .filter(e -> requestId.equals(e.getMDCPropertyMap().get(REQUEST_ID)))
        .toList();
  }

  /** How an event reads in the log: level, logger, message, and the exception if it had one. */
  public static String line(ILoggingEvent event) {
    return event.getLevel()
        + " "
        + event.getLoggerName()
        + ": "
        + event.getFormattedMessage()
        + (event.getThrowableProxy() == null
            ? ""
            : " [stack trace of " + event.getThrowableProxy().getClassName() + "]");
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
