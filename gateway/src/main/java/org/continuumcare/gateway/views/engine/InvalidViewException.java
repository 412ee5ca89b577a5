package org.continuumcare.gateway.views.engine;

/**
 * A ViewDefinition that cannot be run, or a run that broke one of the view's own rules (a column
 * that is not a collection yielding several values, a {@code where} that is not boolean). Names the
 * element at fault, e.g. {@code ViewDefinition.select[0].column[1].path}.
 */
public final class InvalidViewException extends RuntimeException {

  private final String element;

  public InvalidViewException(String element, String message) {
    super(element + ": " + message);
    this.element = element;
  }

  public InvalidViewException(String element, String message, Throwable cause) {
    super(element + ": " + message, cause);
    this.element = element;
  }

  /** The ViewDefinition element at fault, as a FHIRPath-like location. */
  public String element() {
    return element;
  }
}
