package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * SUD labelling through the FHIR API: the Synthea-style population (SNOMED CT coded like Synthea's)
 * is stored by a client of no SUD program, so only the label rules and the terminology package's
 * ValueSets decide what is a SUD record. The population's ids are fixed: this class loads it once
 * into the suite's database, one update per resource in the fixture's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheaSudLabellingIT extends GatewayIntegrationTest {

  /** Population analysis (access analyst, purpose HOPERAT), with no consent of these patients. */
  private static final String ANALYST = "demo-analyst";

  private Bundle population;

  @BeforeAll
  void storeThePopulation() {
    population = SyntheaSudLabellingTest.population();
    for (Bundle.BundleEntryComponent entry : population.getEntry()) {
      fhir().update().resource(entry.getResource()).execute();
    }
  }

  private Resource stored(Resource fixture) {
    return (Resource)
        fhir()
            .read()
            .resource(fixture.getClass())
            .withId(fixture.getIdElement().toUnqualifiedVersionless())
            .execute();
  }

  @Test
  void everySudRecordIsStoredWithThePart2LabelsAndNothingElseIs() {
    for (Bundle.BundleEntryComponent entry : population.getEntry()) {
      Resource resource = stored(entry.getResource());
      List<String> labels = resource.getMeta().getSecurity().stream().map(Coding::getCode).toList();
      if (entry.getResource().getIdElement().getIdPart().startsWith("sud-")) {
        assertThat(labels).as(resource.getId()).contains("R", "42CFRPart2", "SUD");
      } else {
        assertThat(labels).as(resource.getId()).isEmpty();
      }
    }
  }

  @Test
  void aSnomedCodedSudConditionIsWithheldFromTheAnalystWithoutConsentAndAPlainOneIsNot() {
    assertThatThrownBy(
            () ->
                fhirAs(ANALYST)
                    .read()
                    .resource(Condition.class)
                    .withId(new IdType("Condition", "sud-condition-misuses-drugs"))
                    .execute())
        .isInstanceOf(ResourceNotFoundException.class);
    Condition hypertension =
        fhirAs(ANALYST)
            .read()
            .resource(Condition.class)
            .withId(new IdType("Condition", "plain-condition-hypertension"))
            .execute();
    assertThat(hypertension.getCode().getCodingFirstRep().getCode()).isEqualTo("59621000");

    Bundle conditions =
        fhirAs(ANALYST)
            .search()
            .byUrl("Condition?subject=Patient/synthea-opioid")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(conditions.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactlyInAnyOrder("plain-condition-chronic-pain", "plain-condition-drug-overdose");
  }
}
