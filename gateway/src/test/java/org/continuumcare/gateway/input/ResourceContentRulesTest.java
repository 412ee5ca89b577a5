package org.continuumcare.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class ResourceContentRulesTest {

  private final ResourceContentRules rules = new ResourceContentRules(FhirContext.forR4Cached());

  @Test
  void aCleanResourceHasNoProblems() {
    Patient patient = new Patient();
    patient.addName().setFamily("Rivers").addGiven("Zoë");
    patient
        .getText()
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Zoë Rivers</p></div>");

    assertThat(rules.problems(patient)).isEmpty();
  }

  @Test
  void aBadStringIsNamedByItsPathWithRepetitionIndexes() {
    Patient patient = new Patient();
    patient.addName().setFamily("Rivers");
    patient.addName().setFamily("Ri\ud800vers");

    assertThat(rules.problems(patient))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("Patient.name[1].family");
              assertThat(problem.activeContent()).isFalse();
              assertThat(problem.describe())
                  .startsWith("Patient.name[1].family: holds an unpaired UTF-16 surrogate");
            });
  }

  @Test
  void choiceElementsAndExtensionsOfPrimitivesAreNamedAsInFhirPath() {
    Observation observation = new Observation();
    observation.setValue(new StringType("a\u0000"));
    observation.getStatusElement().addExtension(new Extension("urn:x", new StringType("\u0007")));

    assertThat(rules.problems(observation))
        .extracting(ResourceContentRules.Problem::path)
        .containsExactlyInAnyOrder(
            "Observation.valueString", "Observation.status.extension[0].valueString");
  }

  @Test
  void aNarrativeWithActiveContentIsNamedAsTheDiv() {
    Patient patient = new Patient();
    patient
        .getText()
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></div>");

    assertThat(rules.problems(patient))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("Patient.text.div");
              assertThat(problem.activeContent()).isTrue();
            });
  }

  @Test
  void containedResourcesAndBundleEntriesAreWalked() {
    Patient contained = new Patient();
    contained.setId("p1");
    contained
        .getText()
        .setDivAsString(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"x()\">x</p></div>");
    Observation observation = new Observation();
    observation.addContained(contained);
    Bundle bundle = new Bundle();
    bundle.addEntry().setResource(observation);

    assertThat(rules.problems(bundle))
        .extracting(ResourceContentRules.Problem::path)
        .containsExactly("Bundle.entry[0].resource.contained[0].text.div");
  }

  @Test
  void forTheGatewaysOwnWritesOnlyUnstorableStringsCount() {
    Patient patient = new Patient();
    patient.addName().setFamily("bell\u0007").addGiven("Ri\ud800");
    patient
        .getText()
        .setDivAsString(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p style=\"x:expression(1)\">x</p></div>");

    assertThat(rules.unstorable(patient))
        .extracting(ResourceContentRules.Problem::path)
        .containsExactly("Patient.name[0].given[0]");
    assertThat(rules.problems(patient)).hasSize(3);
  }
}
