package org.continuumcare.gateway.persistence;

/**
 * Startup failure: the configured data source is unreachable or of a kind Continuum does not
 * support.
 */
public class UnsupportedDatabaseException extends RuntimeException {

  public UnsupportedDatabaseException(String message) {
    super(message);
  }

  public UnsupportedDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
