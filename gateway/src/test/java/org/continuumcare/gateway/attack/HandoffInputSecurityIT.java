package org.continuumcare.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.term.api.ITermReadSvc;
import ca.uhn.fhir.rest.api.SearchTotalModeEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Prison handoff input attacked over MLLP and HTTP: truncated messages, oversized fields and
 * frames, half-sent frames, and JSON handoffs citing another person's records. Each must be refused
 * with the ACK / problem naming the fault, and nothing of it stored.
 */
class HandoffInputSecurityIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Path.of("../camel-routes/src/test/resources/prison/hl7v2");
  private static final String DISCHARGE_PID3 =
      "PID|1|1234567^4^M11^test^MR^University Hospital^19241011^19241012|PATID1234^";

  @Autowired private ITermReadSvc terminology;

  @BeforeEach
  void partnersExist() {
    for (String id :
        List.of(
            "demo-prison",
            "continuum-gateway",
            "demo-treatment",
            "demo-housing",
            "demo-employment")) {
      try {
        fhir().read().resource(Organization.class).withId(id).execute();
      } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException missing) {
        Organization organization = new Organization().setName(id).setActive(true);
        organization.setId("Organization/" + id);
        fhir().update().resource(organization).execute();
      }
    }
  }

  // ---- truncated HL7 v2 messages
  // --------------------------------------------------------------------------

  @Test
  void aDischargeCutAtATenthOfItsLengthIsRejectedArOverMllpAndNothingIsStored() throws Exception {
    String unique = uniqueValue();
    String message = discharge(unique);
    int binaries = binaryCount();

    String ack = mllpExchange(message.substring(0, message.length() / 10));

    assertThat(field(ack, "MSA", 1)).isEqualTo("AR");
    assertThat(field(ack, "ERR", 2)).isEqualTo("PV1^1");
    assertThat(field(ack, "ERR", 3)).startsWith("100^");
    assertNothingStoredFor(unique, binaries);
  }

  @Test
  void aDischargeCutInsideTheBirthDateIsRejectedArOverHttpAndNothingIsStored() throws Exception {
    String unique = uniqueValue();
    String message = discharge(unique);
    String cut = message.substring(0, message.indexOf("|198808181126+0215|") + "|198808".length());
    int binaries = binaryCount();

    HttpResponse<String> response = postHandoffEr7(cut);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(field(response.body(), "MSA", 1)).isEqualTo("AR");
    assertThat(field(response.body(), "ERR", 2)).isEqualTo("PV1^1");
    assertThat(field(response.body(), "ERR", 3)).startsWith("100^");
    assertNothingStoredFor(unique, binaries);
  }

  // ---- oversized fields and frames
  // ------------------------------------------------------------------------

  @Test
  void aMegabyteNameOverMllpIsAnAeValueTooLongNamingPid5AndNothingIsStored() throws Exception {
    String unique = uniqueValue();
    String message = withName(discharge(unique), "x".repeat(1_048_576));
    int binaries = binaryCount();

    String ack = mllpExchange(message);

    assertThat(field(ack, "MSA", 1)).isEqualTo("AE");
    assertThat(field(ack, "ERR", 2)).isEqualTo("PID^1^5^1");
    assertThat(field(ack, "ERR", 3))
        .as("v2.8: 104 Value too long, not 207 'send it again'")
        .isEqualTo("104^Value too long^HL70357");
    assertThat(ack.length()).isLessThan(2_000);
    assertNothingStoredFor(unique, binaries);
  }

  @Test
  void anOversizedNameInVersion251OverHttpIsAnAeDataTypeErrorNamingPid5() throws Exception {
    String unique = uniqueValue();
    String message =
        withName(discharge(unique), "x".repeat(100_000)).replace("|P|2.8|", "|P|2.5.1|");
    int binaries = binaryCount();

    HttpResponse<String> response = postHandoffEr7(message);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(field(response.body(), "MSA", 1)).isEqualTo("AE");
    assertThat(field(response.body(), "ERR", 2)).isEqualTo("PID^1^5^1");
    assertThat(field(response.body(), "ERR", 3)).isEqualTo("102^Data type error^HL70357");
    assertNothingStoredFor(unique, binaries);
  }

  @Test
  void aFrameOverTheMllpLimitIsAnsweredArAndTheConnectionClosed() throws Exception {
    String unique = uniqueValue();
    String message = withName(discharge(unique), "x".repeat(5 * 1024 * 1024));
    int binaries = binaryCount();

    try (Socket socket = mllpSocket()) {
      writeFrame(socket, message);
      String ack = readFrame(socket.getInputStream());

      assertThat(field(ack, "MSA", 1)).isEqualTo("AR");
      assertThat(field(ack, "MSA", 2)).isEqualTo("MSG00001");
      assertThat(field(ack, "ERR", 3)).startsWith("104^");
      assertThat(field(ack, "ERR", 8)).contains("larger than 4194304 bytes");
      assertThat(socket.getInputStream().read()).as("connection closed").isEqualTo(-1);
    }
    assertNothingStoredFor(unique, binaries);
  }

  @Test
  void aHalfSentFrameIsDroppedAndTheConnectionClosed() throws Exception {
    String unique = uniqueValue();
    String message = discharge(unique);
    int binaries = binaryCount();

    try (Socket socket = mllpSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(message.substring(0, message.length() / 2).getBytes(StandardCharsets.UTF_8));
      out.flush();
      int answer;
      try {
        answer = socket.getInputStream().read();
      } catch (SocketTimeoutException stillOpen) {
        throw new AssertionError("the half-sent frame was held open for 60 s", stillOpen);
      }
      assertThat(answer).as("closed without an answer").isEqualTo(-1);
    }
    assertNothingStoredFor(unique, binaries);
    assertThat(field(mllpExchange(discharge(uniqueValue())), "MSA", 1))
        .as("the listener takes the next sender")
        .isEqualTo("AA");
  }

  // ---- JSON handoffs citing records
  // -----------------------------------------------------------------------

  @Test
  void aJsonHandoffOfANewPersonCitingAnotherPersonsAssessmentAndConsentIsRefused422()
      throws Exception {
    String other = createPatient(uniqueSystem(), uniqueValue());
    String assessment = createAssessment(other);
    String consent = createConsent(other);
    String system = uniqueSystem();
    String value = uniqueValue();

    HttpResponse<String> response = postHandoffJson(handoff(system, value, assessment, consent));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
    assertThat(pointers)
        .containsExactlyInAnyOrder("/latestAssessment/reference", "/consent/reference");
    assertThat(response.body()).contains("another person");
    assertThat(patientsWith(system, value)).isZero();
  }

  @Test
  void aJsonHandoffOfAStoredPersonCitingAnotherPersonsConsentIsRefused422() throws Exception {
    String system = uniqueSystem();
    String value = uniqueValue();
    String person = createPatient(system, value);
    String other = createPatient(uniqueSystem(), uniqueValue());
    int compositions = compositionCount(person);

    HttpResponse<String> response =
        postHandoffJson(handoff(system, value, createAssessment(person), createConsent(other)));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).path("errors"))
        .singleElement()
        .satisfies(
            error -> assertThat(error.path("pointer").asText()).isEqualTo("/consent/reference"));
    assertThat(compositionCount(person)).isEqualTo(compositions);
  }

  @Test
  void aJsonHandoffCitingARecordThatDoesNotExistIsRefused422NamingIt() throws Exception {
    String system = uniqueSystem();
    String value = uniqueValue();

    HttpResponse<String> response =
        postHandoffJson(
            handoff(system, value, "QuestionnaireResponse/no-such-" + value, createConsent(null)));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(response.body()).path("errors"))
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.path("pointer").asText())
                    .isEqualTo("/latestAssessment/reference"));
    assertThat(patientsWith(system, value)).isZero();
  }

  @Test
  void aJsonHandoffCitingThePersonsOwnRecordsIsStored() throws Exception {
    String system = uniqueSystem();
    String value = uniqueValue();
    String person = createPatient(system, value);
    terminology.preExpandDeferredValueSetsToTerminologyTables();

    HttpResponse<String> response =
        postHandoffJson(handoff(system, value, createAssessment(person), createConsent(person)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(JSON.readTree(response.body()).path("patient").asText()).endsWith("/" + person);
  }

  // ---- helpers
  // --------------------------------------------------------------------------------------------

  private static String uniqueValue() {
    return "T" + Long.toString(System.nanoTime(), 36);
  }

  /** ADT-A03-01 (v2.8) with segments ended by CR and a first PID-3 value no other test uses. */
  private static String discharge(String unique) throws IOException {
    String message =
        Files.readString(SAMPLES.resolve("ADT-A03-01.hl7"), StandardCharsets.UTF_8)
            .replace("\r\n", "\r")
            .replace('\n', '\r');
    assertThat(message).contains(DISCHARGE_PID3);
    return message.replace(
        DISCHARGE_PID3,
        "PID|1|1234567^4^M11^test^MR^University Hospital^19241011^19241012|" + unique + "^");
  }

  /** The message with PID-5 replaced by one family name. */
  private static String withName(String message, String family) {
    int pid = message.indexOf("\rPID|") + 1;
    int end = message.indexOf('\r', pid);
    String[] fields = message.substring(pid, end).split("\\|", -1);
    fields[5] = family;
    return message.substring(0, pid) + String.join("|", fields) + message.substring(end);
  }

  private static Socket mllpSocket() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("localhost", MLLP_PORT), 10_000);
    socket.setSoTimeout(60_000);
    return socket;
  }

  private static void writeFrame(Socket socket, String message) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(0x0b);
    out.write(message.getBytes(StandardCharsets.UTF_8));
    out.write(0x1c);
    out.write(0x0d);
    out.flush();
  }

  private static String readFrame(InputStream in) throws IOException {
    ByteArrayOutputStream ack = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != 0x1c) {
      if (b != 0x0b) {
        ack.write(b);
      }
    }
    in.read(); // the CR after the end block
    return ack.toString(StandardCharsets.UTF_8);
  }

  private static String mllpExchange(String message) throws IOException {
    try (Socket socket = mllpSocket()) {
      writeFrame(socket, message);
      return readFrame(socket.getInputStream());
    }
  }

  /** Field {@code n} of the first segment {@code id} of an ER7 message. */
  private static String field(String er7, String id, int n) {
    for (String segment : er7.split("[\r\n]+")) {
      if (segment.startsWith(id + "|")) {
        String[] fields = segment.split("\\|", -1);
        return n < fields.length ? fields[n] : "";
      }
    }
    throw new AssertionError("no " + id + " segment in " + er7);
  }

  private String handoff(String system, String value, String assessment, String consent)
      throws IOException {
    ObjectNode body;
    try (InputStream in = getClass().getResourceAsStream("/prison/release-handoff.example.json")) {
      body = (ObjectNode) JSON.readTree(in);
    }
    body.put("handoffId", "IT-" + value);
    ObjectNode identifier = (ObjectNode) body.path("person").path("identifiers").get(0);
    identifier.put("system", system);
    identifier.put("value", value);
    ObjectNode needs = (ObjectNode) body.path("needs");
    needs.put("housing", false);
    needs.put("employment", false);
    body.putObject("latestAssessment").put("reference", assessment);
    body.putObject("consent").put("reference", consent);
    return JSON.writeValueAsString(body);
  }

  private String createPatient(String system, String value) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue(value);
    return "Patient/" + fhir().create().resource(patient).execute().getId().getIdPart();
  }

  private String createAssessment(String patient) {
    QuestionnaireResponse assessment =
        new QuestionnaireResponse()
            .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
            .setSubject(new Reference(patient));
    return "QuestionnaireResponse/"
        + fhir().create().resource(assessment).execute().getId().getIdPart();
  }

  private String createConsent(String patient) {
    Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    if (patient != null) {
      consent.setPatient(new Reference(patient));
    }
    return "Consent/" + fhir().create().resource(consent).execute().getId().getIdPart();
  }

  private int patientsWith(String system, String value) {
    return fhir()
        .search()
        .forResource(Patient.class)
        .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(system, value))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .size();
  }

  private int compositionCount(String patient) {
    return fhir()
        .search()
        .forResource(Composition.class)
        .where(Composition.SUBJECT.hasId(patient))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .size();
  }

  private int binaryCount() {
    Bundle count =
        fhir()
            .search()
            .forResource(Binary.class)
            .totalMode(SearchTotalModeEnum.ACCURATE)
            .summaryMode(SummaryEnum.COUNT)
            .returnBundle(Bundle.class)
            .execute();
    return count.getTotal();
  }

  private void assertNothingStoredFor(String unique, int binariesBefore) {
    Bundle patients =
        fhir()
            .search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.exactly().identifier(unique))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(patients.getEntry()).as("no Patient stored").isEmpty();
    assertThat(binaryCount()).as("no Binary (original message) stored").isEqualTo(binariesBefore);
  }
}
