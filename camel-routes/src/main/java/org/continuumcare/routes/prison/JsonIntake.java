package org.continuumcare.routes.prison;

import org.hl7.fhir.r4.model.Bundle;

/**
 * What came of one JSON handoff: a FHIR transaction to commit (then 201), or the problem document
 * to answer.
 */
public sealed interface JsonIntake {

  record Translated(ReleaseHandoff handoff, Bundle transaction) implements JsonIntake {}

  record Refused(HandoffProblem problem) implements JsonIntake {}
}
