package org.continuumcare.terminology;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/** The requested ValueSet is not in the terminology package. */
public final class UnknownValueSetException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  public UnknownValueSetException(String valueSet) {
    super("No ValueSet '" + valueSet + "' in FHIR package " + ContinuumTerminology.PACKAGE_ID);
  }
}
