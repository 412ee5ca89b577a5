package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ParameterValueFailuresTest {

  @Test
  void aDateParameterHapiCannotReadIsRecognisedEvenWhenWrapped() {
    Throwable failure = catchThrowable(() -> new DateParam("2026-13-45"));

    assertThat(ParameterValueFailures.message(failure))
        .hasValueSatisfying(
            message -> assertThat(message).contains("Invalid date/time format: \"2026-13-45\""));
    assertThat(
            ParameterValueFailures.message(
                new InternalErrorException("HAPI-2223: wrapped", failure)))
        .isPresent();
  }

  @Test
  void aStoredResourceThatCannotBeParsedStaysAServerFailure() {
    Throwable failure =
        catchThrowable(
            () ->
                FhirContext.forR4Cached()
                    .newJsonParser()
                    .parseResource(Patient.class, "{\"resourceType\":\"Patient\","));

    assertThat(failure).isInstanceOf(DataFormatException.class);
    assertThat(ParameterValueFailures.message(failure)).isEmpty();
    assertThat(ParameterValueFailures.message(new IllegalStateException("database down")))
        .isEmpty();
  }
}
