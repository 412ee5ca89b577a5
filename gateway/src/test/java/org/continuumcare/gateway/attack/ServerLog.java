package org.continuumcare.gateway.attack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.List;
import org.continuumcare.gateway.support.CapturedLog;

/**
 * What the gateway (running in the test's JVM) logs while a test holds it open, to prove that an
 * expected refusal is no ERROR and carries no stack trace.
 */
final class ServerLog implements AutoCloseable {

  private final CapturedLog captured = CapturedLog.capture();

  private ServerLog() {}

  static ServerLog capture() {
    return new ServerLog();
  }

  /** Events at ERROR whose message or stack trace mentions {@code text}. */
  List<ILoggingEvent> errorsMentioning(String text) {
    return events().stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .filter(
            event ->
                event.getFormattedMessage().contains(text)
                    || mentions(event.getThrowableProxy(), text))
        .toList();
  }

  /**
   * Events at WARN or above with a stack trace, logged on the thread of request {@code requestId}.
   */
  List<ILoggingEvent> stackTracesOfRequest(String requestId) {
    return events().stream()
        .filter(event -> requestId.equals(event.getMDCPropertyMap().get("requestId")))
        .filter(
            event ->
                event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null)
        .toList();
  }

  /** Whether request {@code requestId} has ended: its access log line was written. */
  boolean answered(String requestId) {
    return events().stream()
        .anyMatch(
            event ->
                "continuum.access".equals(event.getLoggerName())
                    && requestId.equals(event.getMDCPropertyMap().get("requestId")));
  }

  /** The messages {@code logger} logged, on any thread. */
  List<String> messagesOf(String logger) {
    return events().stream()
        .filter(event -> event.getLoggerName().equals(logger))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  /** Events at ERROR logged on the thread of request {@code requestId}. */
  List<ILoggingEvent> errorsOfRequest(String requestId) {
    return events().stream()
        .filter(event -> requestId.equals(event.getMDCPropertyMap().get("requestId")))
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .toList();
  }

  private List<ILoggingEvent> events() {
    return captured.events();
  }

  private static boolean mentions(IThrowableProxy thrown, String text) {
    for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    captured.close();
  }
}
