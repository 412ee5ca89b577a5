package org.continuumcare.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.util.FhirContextSearchParamRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchParameterValuesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private final SearchParameterValues values =
      new SearchParameterValues(FHIR, new FhirContextSearchParamRegistry(FHIR));

  private Optional<String> problem(String type, String name, String... raw) {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    parameters.put(name, raw);
    return values.problem(type, parameters);
  }

  @Test
  void wellFormedValuesOfEveryKindPass() {
    assertThat(problem("Patient", "birthdate", "ge1991-04-12", "lt2026")).isEmpty();
    assertThat(problem("Patient", "birthdate:missing", "true")).isEmpty();
    assertThat(problem("Patient", "_lastUpdated", "gt2026-01-01T00:00:00Z")).isEmpty();
    assertThat(problem("Observation", "value-quantity", "gt5.4|http://unitsofmeasure.org|mg"))
        .isEmpty();
    assertThat(problem("RiskAssessment", "probability", "ap0.75")).isEmpty();
    assertThat(problem("Patient", "identifier", "urn:x|1,urn:y|2")).isEmpty();
    assertThat(problem("Patient", "_count", "0")).isEmpty();
  }

  @Test
  void anImpossibleDateIsNamedWithItsParameterAndWhatIsExpected() {
    assertThat(problem("Patient", "birthdate", "2026-13-45"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith(
                        "Invalid value \"2026-13-45\" for search parameter 'birthdate' (date): Invalid date/time format")
                    .contains("Expected YYYY, YYYY-MM, YYYY-MM-DD"));
  }

  @Test
  void aPrefixWithoutAValueIsRefused() {
    assertThat(problem("Patient", "death-date", "ap"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith("Invalid value \"ap\" for search parameter 'death-date' (date)"));
  }

  @Test
  void theBadAlternativeOfSeveralIsTheOneNamed() {
    assertThat(problem("Patient", "birthdate", "2026-01-01,2026-02-30"))
        .hasValueSatisfying(
            problem -> assertThat(problem).startsWith("Invalid value \"2026-02-30\""));
  }

  @Test
  void numbersAndQuantitiesMustBeNumbersThatFitTheIndex() {
    assertThat(problem("RiskAssessment", "probability", "abc"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("'probability' (number)")
                    .contains("Expected a decimal number"));
    assertThat(problem("RiskAssessment", "probability", "1e999999"))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("magnitude between 1e-100 and 1e100"));
    assertThat(problem("Observation", "value-quantity", "5" + "0".repeat(120))).isPresent();
  }

  @Test
  void pagingIntegersMustNotBeNegative() {
    assertThat(problem(null, "_offset", "-5"))
        .hasValue(
            "Invalid value \"-5\" for search parameter '_offset': expected a whole number from 0 to 2147483647");
    assertThat(problem(null, "_count", "x")).isPresent();
    assertThat(problem(null, "_getpagesoffset", "-1")).isPresent();
  }

  @Test
  void historyParametersMustBeDates() {
    assertThat(problem(null, "_since", "abc"))
        .hasValueSatisfying(problem -> assertThat(problem).contains("'_since'"));
    assertThat(problem(null, "_at", "gt2026-13")).isPresent();
  }

  @Test
  void typeParametersAreOnlyReadForTheirType() {
    // Without a type (e.g. an operation's own parameters) only the common ones are checked.
    assertThat(problem(null, "birthdate", "abc")).isEmpty();
    // Unknown parameters and chains are left to HAPI, which names them.
    assertThat(problem("Patient", "no-such-parameter", "abc")).isEmpty();
    assertThat(problem("Observation", "subject.birthdate", "abc")).isEmpty();
  }

  @Test
  void matchUrlsAreReadWithOrWithoutTheirType() {
    assertThat(values.problemInMatchUrl("Patient", "birthdate=2026-13-45")).isPresent();
    assertThat(values.problemInMatchUrl(null, "Patient?birthdate=2026-13-45")).isPresent();
    assertThat(values.problemInMatchUrl(null, "/Patient?identifier=urn:x%7C1")).isEmpty();
    assertThat(values.problemInMatchUrl(null, "Spaceship?x=1")).isEmpty();
  }
}
