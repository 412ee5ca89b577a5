package org.continuumcare.terminology;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/** The requested ConceptMap is not in the terminology package. */
public final class UnknownConceptMapException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  public UnknownConceptMapException(String conceptMap) {
    super("No ConceptMap '" + conceptMap + "' in FHIR package " + ContinuumTerminology.PACKAGE_ID);
  }
}
