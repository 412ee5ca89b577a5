package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * Recognises a failure to read a request parameter's value among the exceptions HAPI lets through:
 * a {@link DataFormatException}, {@link NumberFormatException} or {@link DateTimeException} (itself
 * or as a cause, e.g. inside HAPI's {@code InternalErrorException}) raised by HAPI's parameter
 * types ({@code ca.uhn.fhir.rest.param}: dates, numbers, quantities, composites, also when a
 * chained or conditional URL is read in the storage layer). Those are the caller's input, so a 400;
 * the same exception types from anywhere else (a stored resource that cannot be parsed) stay server
 * failures.
 */
final class ParameterValueFailures {

  private static final String PARAMETER_TYPES = "ca.uhn.fhir.rest.param.";
  private static final int MAX_CAUSES = 10;

  private ParameterValueFailures() {}

  /** The failure's message, when {@code exception} is a parameter value HAPI could not read. */
  static Optional<String> message(Throwable exception) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if ((cause instanceof DataFormatException
              || cause instanceof NumberFormatException
              || cause instanceof DateTimeException)
          && raisedByParameterTypes(cause)) {
        return Optional.of(
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
      }
    }
    return Optional.empty();
  }

  private static boolean raisedByParameterTypes(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith(PARAMETER_TYPES)) {
        return true;
      }
    }
    return false;
  }
}
