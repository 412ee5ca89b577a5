package org.continuumcare.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirXmlNamespacesTest {

  @Test
  void fhirXmlWithANarrativeIsFine() {
    assertThat(
            FhirXmlNamespaces.problem(
                "<Patient xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/>"
                    + "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></div></text><name><family value=\"R\"/></name>"
                    + "</Patient>"))
        .isEmpty();
  }

  @Test
  void aResourceInAnotherNamespaceIsNamedWithItsNamespace() {
    assertThat(FhirXmlNamespaces.problem("<Patient xmlns=\"http://example.org/not-fhir\"/>"))
        .hasValue(
            "Element 'Patient' is in the namespace 'http://example.org/not-fhir': FHIR XML elements belong"
                + " to http://hl7.org/fhir");
  }

  @Test
  void aNestedElementWithoutNamespaceIsNamedByItsPath() {
    assertThat(
            FhirXmlNamespaces.problem(
                "<Patient xmlns=\"http://hl7.org/fhir\"><name>"
                    + "<family xmlns=\"\" value=\"R\"/></name></Patient>"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem).startsWith("Element 'Patient.name.family' is in no namespace"));
  }

  @Test
  void aNarrativeDivInTheFhirNamespaceIsRefused() {
    assertThat(
            FhirXmlNamespaces.problem(
                "<Patient xmlns=\"http://hl7.org/fhir\"><text><div><p>x</p></div></text>"
                    + "</Patient>"))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith("Element 'Patient.text.div'")
                    .contains("namespace 'http://hl7.org/fhir'")
                    .contains("narrative div to http://www.w3.org/1999/xhtml"));
  }

  @Test
  void xmlThatIsNotWellFormedOrDeclaresEntitiesIsLeftToHapisParser() {
    assertThat(FhirXmlNamespaces.problem("<Patient xmlns=\"http://hl7.org/fhir\"><name>"))
        .isEmpty();
    assertThat(
            FhirXmlNamespaces.problem(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"&e;\"/></Patient>"))
        .isEmpty();
  }
}
