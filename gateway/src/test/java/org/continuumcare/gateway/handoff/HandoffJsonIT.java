package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.term.api.ITermReadSvc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.PrisonProperties;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HandoffJsonIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PrisonProperties properties;

  @BeforeEach
  void referencedResourcesExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
    // The example names a stored assessment and consent; they exist before the handoff refers to
    // them.
    QuestionnaireResponse assessment =
        new QuestionnaireResponse()
            .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    assessment.setId("QuestionnaireResponse/jordan-barc-10-2026-11-20");
    fhir().update().resource(assessment).execute();
    Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    consent.setId("Consent/jordan-sud-consent");
    fhir().update().resource(consent).execute();
  }

  @Autowired private ITermReadSvc terminology;

  @Test
  void theExampleHandoffIsStoredAndAnswered201WithItsLinks() throws Exception {
    ObjectNode example = (ObjectNode) JSON.readTree(HandoffFixtures.jsonExample());
    String value = "RCF-" + System.nanoTime();
    ((ObjectNode) example.path("person").path("identifiers").get(0)).put("value", value);
    example.put("handoffId", "IT-" + value);
    // The example's housing and employment needs become referrals categorised with HL7 Gravity SDOH
    // codes. Those must validate whatever state HAPI's terminology is in, including after the
    // scheduled pre-expansion of the referral-category ValueSet has run: run it first.
    terminology.preExpandDeferredValueSetsToTerminologyTables();

    HttpResponse<String> response = postHandoffJson(JSON.writeValueAsString(example));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode receipt = JSON.readTree(response.body());
    assertThat(receipt.path("handoffId").asText()).isNotBlank();
    String patientUrl = receipt.path("patient").asText();
    String compositionUrl = receipt.path("composition").asText();
    assertThat(patientUrl).startsWith(fhirBase() + "/Patient/");
    assertThat(compositionUrl).startsWith(fhirBase() + "/Composition/");
    assertThat(response.headers().firstValue("Location")).hasValue(compositionUrl);
    List<String> rels = new ArrayList<>();
    receipt.path("links").forEach(link -> rels.add(link.path("rel").asText()));
    assertThat(rels)
        .contains(
            "Patient",
            "Encounter",
            "MedicationStatement",
            "Condition",
            "ServiceRequest",
            "Task",
            "Composition",
            "Binary",
            "Provenance");

    Patient patient = fhir().read().resource(Patient.class).withUrl(patientUrl).execute();
    assertThat(patient.getIdentifier())
        .anySatisfy(id -> assertThat(id.getValue()).isEqualTo(value));
    Composition composition =
        fhir().read().resource(Composition.class).withUrl(compositionUrl).execute();
    assertThat(composition.getSubject().getReference())
        .isEqualTo("Patient/" + patient.getIdElement().getIdPart());
  }

  @Test
  void aBodyWithWrongTypesGetsAProblemNamingEachField() throws Exception {
    ObjectNode example = (ObjectNode) JSON.readTree(HandoffFixtures.jsonExample());
    ((ObjectNode) example.path("release")).put("confirmed", "yes");
    ((ObjectNode) example.path("medications").get(0)).put("supplyAtReleaseDays", "seven");
    ((ObjectNode) example.path("person")).put("birthDate", 19910412);

    HttpResponse<String> response = postHandoffJson(JSON.writeValueAsString(example));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(422);
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
    assertThat(pointers)
        .contains("/release/confirmed", "/medications/0/supplyAtReleaseDays", "/person/birthDate");
  }

  @Test
  void aBodyThatIsNotJsonGetsA400Problem() throws Exception {
    HttpResponse<String> response = postHandoffJson("{\"person\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("type").asText())
        .isEqualTo("https://continuumcare.org/problems/malformed-json");
  }
}
