package org.continuumcare.routes.relay;

/** A relay setting or routing rule that cannot work; the message names it. Fails startup. */
public final class InvalidRelayConfigurationException extends RuntimeException {

  public InvalidRelayConfigurationException(String message) {
    super(message);
  }

  public InvalidRelayConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
