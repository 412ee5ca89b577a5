package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.gateway.support.ErrorBodies.diagnostics;
import static org.continuumcare.gateway.support.ErrorBodies.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.handoff.HandoffFixtures;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.PrisonProperties;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Malformed and hostile input, as an attacker sends it to the gateway: every one is a 400 (or the
 * precise 4xx) with an OperationOutcome under {@code /fhir} or a problem document under {@code
 * /api} naming what is wrong; never a 500, an HTML page, a silently dropped element or stored
 * active content.
 */
class InputSecurityIT extends GatewayIntegrationTest {

  private static final String FHIR_JSON = "application/fhir+json";
  private static final String FHIR_XML = "application/fhir+xml";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired PrisonProperties prison;

  // --- search parameter values -------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "Patient?birthdate=2026-13-45 birthdate 2026-13-45",
        "Patient?birthdate=gt birthdate gt",
        "Patient?birthdate=abc birthdate abc",
        "Patient?birthdate=ge99999-01-01 birthdate ge99999-01-01",
        "Patient?_lastUpdated=lt2026-02-30 _lastUpdated lt2026-02-30",
        "Patient?_offset=-5 _offset -5",
        "Patient?death-date=ap death-date ap",
        "Observation?value-quantity=abc value-quantity abc",
        "Observation?date=2026-02-30 date 2026-02-30",
        "RiskAssessment?probability=abc probability abc",
        "Patient/_history?_since=abc _since abc",
        "Observation?code-value-quantity=x$abc code-value-quantity x$abc"
      })
  void aMalformedSearchValueIsA400NamingTheParameterAndValue(
      String query, String parameter, String value) throws Exception {
    HttpResponse<String> response =
        http(request("/fhir/" + query).header("Accept", FHIR_JSON).GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("'" + parameter + "'").contains(value);
  }

  @Test
  void aConditionalCreateWithAMalformedIfNoneExistIsA400NamingTheParameter() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        http(
            request("/fhir/Patient")
                .header("Content-Type", FHIR_JSON)
                .header("If-None-Exist", "birthdate=2026-13-45")
                .POST(BodyPublishers.ofString(patient(system, ""))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response))
        .contains("If-None-Exist")
        .contains("'birthdate'")
        .contains("2026-13-45");
    assertNothingStored(system);
  }

  @Test
  void aTransactionWithAMalformedConditionalReferenceIsA400NamingTheEntry() throws Exception {
    String code = "bad-ref-" + System.nanoTime();
    String bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"fullUrl\":\"urn:uuid:"
            + "0b7a4f5e-3f7c-4a71-9d0e-5f1c2b7e9a11\",\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\","
            + "\"code\":{\"text\":\""
            + code
            + "\"},\"subject\":{\"reference\":\"Patient?birthdate=2026-13-45\"}},"
            + "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}";

    HttpResponse<String> response = post("/fhir", FHIR_JSON, bundle);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response))
        .contains("Bundle.entry[0]")
        .contains("'birthdate'")
        .contains("2026-13-45");
  }

  // --- request bodies ------------------------------------------------------------------------

  @Test
  void aLoneSurrogateInAStringIsA400NamingTheElement() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_JSON,
            patient(system, ",\"name\":[{\"family\":\"Rivers\\ud800\"}]"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Patient.name[0].family").contains("surrogate");
    assertNothingStored(system);
  }

  @Test
  void anUnknownJsonElementIsA400NamingTheElement() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post("/fhir/Patient", FHIR_JSON, patient(system, ",\"nickname\":\"Riv\""));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Unknown element 'nickname'");
    assertNothingStored(system);
  }

  @Test
  void anUnknownXmlElementIsA400NamingTheElement() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_XML,
            "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\""
                + system
                + "\"/><value value=\"x\"/>"
                + "</identifier><nickname value=\"Riv\"/></Patient>");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Unknown element 'nickname'");
    assertNothingStored(system);
  }

  @Test
  void xmlInAnotherNamespaceThanFhirsIsA400NamingTheNamespace() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_XML,
            "<Patient xmlns=\"http://example.org/not-fhir\"><identifier><system value=\""
                + system
                + "\"/>"
                + "<value value=\"x\"/></identifier></Patient>");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response))
        .contains("http://example.org/not-fhir")
        .contains("http://hl7.org/fhir");
    assertNothingStored(system);
  }

  @Test
  void aNarrativeWithAScriptIsA400NamingTheElement() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_JSON,
            patient(system, narrative("<p>Jordan</p><script>alert(1)</script>")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Patient.text.div").contains("<script>");
    assertNothingStored(system);
  }

  @Test
  void aNarrativeWithAnEventAttributeIsA400NamingTheAttribute() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_JSON,
            patient(
                system,
                narrative("<img src=\\\"x.png\\\" alt=\\\"x\\\" onerror=\\\"alert(1)\\\"/>")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Patient.text.div").contains("onerror");
    assertNothingStored(system);
  }

  @Test
  void aNarrativeLinkToJavascriptIsA400() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_JSON,
            patient(system, narrative("<a href=\\\" JavaScript:alert(1)\\\">record</a>")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Patient.text.div").contains("javascript:");
    assertNothingStored(system);
  }

  @Test
  void aNarrativeInsideATransactionIsCheckedToo() throws Exception {
    String system = uniqueSystem();
    String bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
            + patient(system, narrative("<p onclick=\\\"steal()\\\">Jordan</p>"))
            + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}";

    HttpResponse<String> response = post("/fhir", FHIR_JSON, bundle);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Patient.text.div").contains("onclick");
    assertNothingStored(system);
  }

  @Test
  void aPatchThatPutsAScriptIntoTheNarrativeIsA400AndChangesNothing() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> created =
        post("/fhir/Patient", FHIR_JSON, patient(system, narrative("<p>Jordan</p>")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id =
        FHIR.newJsonParser()
            .parseResource(Patient.class, created.body())
            .getIdElement()
            .getIdPart();

    HttpResponse<String> response =
        http(
            request("/fhir/Patient/" + id)
                .header("Content-Type", "application/json-patch+json")
                .method(
                    "PATCH",
                    BodyPublishers.ofString(
                        "[{\"op\":\"replace\",\"path\":\"/text/div\",\"value\":"
                            + "\"<div xmlns=\\\""
                            + XHTML
                            + "\\\"><script>steal()</script></div>\"}]")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Patient.text.div").contains("<script>");
    assertThat(
            fhir().read().resource(Patient.class).withId(id).execute().getText().getDivAsString())
        .doesNotContain("script");
  }

  @Test
  void aPlainNarrativeIsStored() throws Exception {
    String system = uniqueSystem();
    HttpResponse<String> response =
        post(
            "/fhir/Patient",
            FHIR_JSON,
            patient(
                system,
                narrative(
                    "<p>Jordan <b>Rivers</b>, <a href=\\\"https://example.org/x\\\">record</a></p>"
                        + "<table><tr><td style=\\\"color: red\\\">1</td></tr></table>")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aHandoffWithATenThousandDeepUnknownFieldIsA400Problem() throws Exception {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    HttpResponse<String> response =
        http(
            request("/api/handoffs")
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString("{\"handoffId\":\"deep\",\"unknown\":" + deep + "}")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(problem(response).path("detail").asText()).contains("nest");
  }

  @Test
  void aHandoffWithALoneSurrogateInANameIsA400ProblemNamingTheElement() throws Exception {
    HandoffFixtures.ensureOrganizations(fhir(), prison.handoffDefaults());
    QuestionnaireResponse assessment =
        new QuestionnaireResponse()
            .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    assessment.setId("QuestionnaireResponse/jordan-barc-10-2026-11-20");
    fhir().update().resource(assessment).execute();
    Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    consent.setId("Consent/jordan-sud-consent");
    fhir().update().resource(consent).execute();
    ObjectNode handoff = (ObjectNode) JSON.readTree(HandoffFixtures.jsonExample());
    String value = "SUR-" + System.nanoTime();
    ((ObjectNode) handoff.path("person").path("identifiers").get(0)).put("value", value);
    handoff.put("handoffId", "IT-" + value);
    ((ObjectNode) handoff.path("person").path("name")).put("family", "Reyes@");
    // The escape itself must travel: a lone surrogate cannot be encoded as UTF-8.
    String body = JSON.writeValueAsString(handoff).replace("Reyes@", "Reyes\\ud800");

    HttpResponse<String> response =
        http(
            request("/api/handoffs")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(problem(response).path("detail").asText())
        .contains("Patient.name[0].family")
        .contains("surrogate");
  }

  @Test
  void anHmisMultipartUploadWithoutABoundaryIsA400Problem() throws Exception {
    HttpResponse<String> response =
        http(
            requestAs("demo-housing", "/api/partners/demo-housing/hmis-csv")
                .header("Content-Type", "multipart/form-data")
                .POST(
                    BodyPublishers.ofString(
                        "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nhello\r\n--x--\r\n")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(problem(response).path("detail").asText()).contains("boundary");
  }

  // --- refusals by the container, before any application code ------------------------------

  @Test
  void anOversizedRequestHeaderUnderFhirIsA400OperationOutcome() throws Exception {
    HttpResponse<String> response =
        http(request("/fhir/Patient").header("X-Padding", "x".repeat(20_000)).GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("header").contains("too large");
  }

  @Test
  void anOversizedRequestHeaderUnderApiIsA400Problem() throws Exception {
    HttpResponse<String> response =
        http(request("/api/handoffs/queue").header("X-Padding", "x".repeat(20_000)).GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem(response).path("detail").asText()).contains("header").contains("too large");
  }

  @Test
  void anEncodedSlashUnderFhirIsA400OperationOutcome() throws Exception {
    HttpResponse<String> response = http(request("/fhir/Patient%2F1").GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("encoded slash");
  }

  @Test
  void anEncodedSlashUnderApiIsA400Problem() throws Exception {
    HttpResponse<String> response = http(request("/api/handoffs%2Fqueue").GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem(response).path("detail").asText()).contains("encoded slash");
  }

  @Test
  void aUrlTheFirewallRefusesIsA400OperationOutcomeSayingWhyEvenWithAValidToken() throws Exception {
    HttpResponse<String> response = http(request("/fhir/Patient;jsessionid=x").GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("\";\"");
  }

  @Test
  void aUrlTheFirewallRefusesUnderApiIsA400Problem() throws Exception {
    HttpResponse<String> response = http(request("/api//handoffs/queue").GET());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem(response).path("detail").asText()).contains("\"//\"");
  }

  @Test
  void anUnknownApiPathIsA404Problem() throws Exception {
    HttpResponse<String> response = http(request("/api/no-such-thing").GET());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(problem(response).path("detail").asText()).contains("/api/no-such-thing");
  }

  @Test
  void aWrongMethodUnderApiIsA405ProblemListingTheAllowedOnes() throws Exception {
    HttpResponse<String> response = http(request("/api/handoffs").GET());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(problem(response).path("detail").asText()).contains("GET").contains("POST");
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void anUnsupportedMediaTypeUnderApiIsA415ProblemNamingIt() throws Exception {
    HttpResponse<String> response =
        http(
            request("/api/handoffs")
                .header("Content-Type", "text/xml")
                .POST(BodyPublishers.ofString("<handoff/>")));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(problem(response).path("detail").asText()).contains("text/xml");
  }

  // --- helpers -------------------------------------------------------------------------------

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        request(path).header("Content-Type", contentType).header("Accept", FHIR_JSON);
    return http(request.POST(BodyPublishers.ofString(body)));
  }

  /**
   * A Patient (JSON) with an identifier in {@code system}, followed by {@code more} top-level
   * members.
   */
  private static String patient(String system, String more) {
    return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\""
        + system
        + "\",\"value\":\"x\"}]"
        + more
        + "}";
  }

  /** A {@code text} member whose div holds {@code xhtml} (already escaped for a JSON string). */
  private static String narrative(String xhtml) {
    return ",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\""
        + XHTML
        + "\\\">"
        + xhtml
        + "</div>\"}";
  }

  private void assertNothingStored(String system) {
    Bundle found =
        fhir()
            .search()
            .byUrl("Patient?identifier=" + system + "|")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).isEmpty();
  }
}
