package org.continuumcare.gateway.views.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ViewCompilerTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text.replace('\'', '"'));
  }

  private static InvalidViewException refusal(String view) throws Exception {
    JsonNode definition = json(view);
    return (InvalidViewException)
        org.assertj.core.api.Assertions.catchThrowable(() -> ViewRunner.of(FHIR, definition));
  }

  @Test
  void anUnknownColumnTypeIsRefusedNamingTheColumnsType() throws Exception {
    InvalidViewException refused =
        refusal(
            "{'resource':'Patient','select':[{'column':["
                + "{'name':'id','path':'id'},{'name':'born','path':'birthDate','type':'timestamp'}]}]}");
    assertThat(refused.element()).isEqualTo("ViewDefinition.select[0].column[1].type");
    assertThat(refused.getMessage()).contains("unknown column type 'timestamp'");
  }

  @Test
  void aPathThatIsNotFhirPathIsRefusedNamingThePath() throws Exception {
    InvalidViewException refused =
        refusal(
            "{'resource':'Patient','select':[{'column':[" + "{'name':'id','path':'id.where('}]}]}");
    assertThat(refused.element()).isEqualTo("ViewDefinition.select[0].column[0].path");
  }

  @Test
  void aColumnNameUsedTwiceIsRefusedNamingTheSecondColumn() throws Exception {
    InvalidViewException refused =
        refusal(
            "{'resource':'Patient','select':[{'column':[{'name':'id','path':'id'}]},"
                + "{'forEach':'name','column':[{'name':'id','path':'family'}]}]}");
    assertThat(refused.element()).isEqualTo("ViewDefinition.select[1].column[0].name");
    assertThat(refused.getMessage()).contains("duplicate column name 'id'");
  }

  @Test
  void resourceKeysEqualTheKeysOfReferencesToThem() throws Exception {
    ViewRunner runner =
        ViewRunner.of(
            FHIR,
            json(
                "{'resource':'Patient','select':[{'column':["
                    + "{'name':'key','path':'getResourceKey()'},{'name':'linked','path':'link.other.getReferenceKey(Patient)'},"
                    + "{'name':'other','path':'link.other.getReferenceKey(Group)'}]}]}"));
    Patient patient = new Patient();
    patient.setId("p1");
    patient.addLink().getOther().setReference("http://example.org/fhir/Patient/p2/_history/3");

    List<Object[]> rows = runner.rows(patient);

    assertThat(rows)
        .singleElement()
        .satisfies(row -> assertThat(row).containsExactly("Patient/p1", "Patient/p2", null));
  }

  @Test
  void aWhereThatIsNotBooleanIsAnErrorNamingTheWhere() throws Exception {
    ViewRunner runner =
        ViewRunner.of(
            FHIR,
            json(
                "{'resource':'Patient','where':[{'path':'id'}],"
                    + "'select':[{'column':[{'name':'id','path':'id'}]}]}"));
    Patient patient = new Patient();
    patient.setId("p1");

    assertThatThrownBy(() -> runner.rows(patient))
        .isInstanceOf(InvalidViewException.class)
        .hasMessageStartingWith("ViewDefinition.where[0].path");
  }
}
