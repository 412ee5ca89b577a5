package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class SearchDepthLimitTest {

  private final SearchDepthLimit limit = new SearchDepthLimit(1, 2);

  @Test
  void oneHasLevelAndTwoChainedHopsPass() {
    SearchParameterMap parameters =
        new SearchParameterMap()
            .add("_has", new HasParam("Condition", "subject", "code", "F11.20"))
            .add("subject", new ReferenceParam("Patient", "organization.name", "Clinic"))
            .add("performer", new ReferenceParam("_has:Condition:subject:code", "F11.20"))
            .add("status", new TokenParam("active"));

    assertThatCode(() -> limit.refuseTooDeep(parameters)).doesNotThrowAnyException();
  }

  @Test
  void nestedHasIsRefusedNamingTheParameterAndTheLimit() {
    SearchParameterMap parameters =
        new SearchParameterMap()
            .add(
                "_has", new HasParam("Condition", "subject", "_has:Observation:subject:code", "x"));

    InvalidRequestException refusal =
        catchThrowableOfType(InvalidRequestException.class, () -> limit.refuseTooDeep(parameters));

    assertThat(refusal.getMessage())
        .contains("'_has:Condition:subject:_has:Observation:subject:code'")
        .contains("nests _has 2 levels")
        .contains("at most 1")
        .contains("continuum.fhir.search.max-has-depth");
    assertThat(((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getCode())
        .isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
  }

  @Test
  void hasInsideAChainCountsAsAHasLevel() {
    SearchParameterMap parameters =
        new SearchParameterMap()
            .add(
                "subject",
                new ReferenceParam("_has:Condition:subject:_has:Observation:subject:code", "x"));

    assertThat(
            catchThrowableOfType(
                    InvalidRequestException.class, () -> limit.refuseTooDeep(parameters))
                .getMessage())
        .contains("'subject._has:Condition:subject:_has:Observation:subject:code'");
  }

  @Test
  void aThirdChainedHopIsRefused() {
    SearchParameterMap parameters =
        new SearchParameterMap()
            .add("subject", new ReferenceParam("Patient", "organization.partof.name", "x"));

    assertThat(
            catchThrowableOfType(
                    InvalidRequestException.class, () -> limit.refuseTooDeep(parameters))
                .getMessage())
        .contains("'subject:Patient.organization.partof.name'")
        .contains("chains 3 references")
        .contains("continuum.fhir.search.max-chain-depth");
  }

  @Test
  void theLimitsAreConfigurable() {
    SearchDepthLimit strict = new SearchDepthLimit(0, 0);

    assertThatCode(() -> strict.check("identifier")).doesNotThrowAnyException();
    assertThat(
            catchThrowableOfType(InvalidRequestException.class, () -> strict.check("subject.name"))
                .getMessage())
        .contains("at most 0");
    assertThat(
            catchThrowableOfType(
                    InvalidRequestException.class,
                    () -> strict.check("_has:Condition:subject:code"))
                .getMessage())
        .contains("at most 0");
  }
}
