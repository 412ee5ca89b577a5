package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

class HandoffHl7v2IT extends GatewayIntegrationTest {

  @Autowired PrisonProperties properties;
  @Autowired PrisonHl7v2Translator translator;

  @BeforeEach
  void partnersExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
  }

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of("ADT-A03-01.hl7", "AA", 200),
        Arguments.of("ADT-A03-02.hl7", "AA", 200),
        Arguments.of("ADT-A04-01.hl7", "AA", 200),
        Arguments.of("ADT-A04-02.hl7", "AA", 200),
        Arguments.of("ADT-A08-01.hl7", "AA", 200),
        Arguments.of("ADT-A08-02.hl7", "AE", 422),
        Arguments.of("ADT04-251.hl7", "AR", 400),
        Arguments.of("ADT-A01-01.hl7", "AR", 400),
        Arguments.of("ADT-A01-02.hl7", "AR", 400),
        Arguments.of("ADT01-23.hl7", "AR", 400),
        Arguments.of("REF-I12-01.hl7", "AR", 400),
        Arguments.of("REF-I12-02.hl7", "AR", 400),
        Arguments.of("REF-I14-01.hl7", "AR", 400),
        Arguments.of("REF-I14-02.hl7", "AR", 400));
  }

  @Test
  void everySampleFileHasAnExpectedOutcome() throws Exception {
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(HandoffFixtures.SAMPLES)) {
      List<String> hl7 =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".hl7"))
              .sorted()
              .toList();
      assertThat(hl7)
          .containsExactlyInAnyOrderElementsOf(samples().map(a -> (String) a.get()[0]).toList());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("samples")
  void eachSampleOverHttpGetsItsAckAndTheAcceptedOnesAreStored(
      String file, String ackCode, int status) throws Exception {
    String message = HandoffFixtures.sample(file);

    HttpResponse<String> response = postHandoffEr7(message);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("x-application/hl7-v2+er7"));
    assertThat(msa(response.body())[1]).isEqualTo(ackCode);
    assertThat(msa(response.body())[2]).as("MSA-2 echoes MSH-10").isEqualTo(controlId(message));
    if (ackCode.equals("AA")) {
      ReleaseHandoff handoff = handoffOf(message);
      assertThat(patientsOf(handoff)).hasSize(1);
      assertThat(compositionsOf(handoff))
          .singleElement()
          .satisfies(
              composition ->
                  assertThat(composition.getSubject().getReference())
                      .isEqualTo(
                          "Patient/" + patientsOf(handoff).get(0).getIdElement().getIdPart()));
    } else {
      assertThat(response.body()).contains("ERR");
    }
  }

  @Test
  void theSameMessageSentTwiceYieldsOnePatientAndOneHandoff() throws Exception {
    String message = withUniquePersonId(HandoffFixtures.sample("ADT-A03-01.hl7"));
    ReleaseHandoff handoff = handoffOf(message);

    assertThat(postHandoffEr7(message).statusCode()).isEqualTo(200);
    assertThat(postHandoffEr7(message).statusCode()).isEqualTo(200);

    assertThat(patientsOf(handoff)).hasSize(1);
    assertThat(compositionsOf(handoff)).hasSize(1);
  }

  @Test
  void aTruncatedMessageWithoutMshIsRejectedAndNothingIsStored() throws Exception {
    String message = withUniquePersonId(HandoffFixtures.sample("ADT-A03-01.hl7"));
    String truncated =
        message.substring(message.indexOf("\nPID|") + 1, message.indexOf("\nPID|") + 120);
    int binariesBefore = binaryCount();

    HttpResponse<String> response = postHandoffEr7(truncated);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(msa(response.body())[1]).isEqualTo("AR");
    assertThat(binaryCount()).isEqualTo(binariesBefore);
  }

  @Test
  void aTextPlainBodyIsAcceptedLikeEr7() throws Exception {
    HttpResponse<String> response =
        http(
            request("/api/handoffs/hl7v2")
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(HandoffFixtures.sample("REF-I12-01.hl7"))));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(msa(response.body())[1]).isEqualTo("AR");
  }

  /**
   * PID-3's first repetition gets a value no other test uses, so this test sees only its Patient.
   */
  static String withUniquePersonId(String message) {
    String unique = "T" + Long.toString(System.nanoTime(), 36);
    return message.replace(
        "PID|1|1234567^4^M11^test^MR^University Hospital^19241011^19241012|PATID1234^",
        "PID|1|1234567^4^M11^test^MR^University Hospital^19241011^19241012|" + unique + "^");
  }

  private ReleaseHandoff handoffOf(String message) {
    Hl7v2Intake intake = translator.translate(message);
    assertThat(intake).isInstanceOf(Hl7v2Intake.Translated.class);
    return ((Hl7v2Intake.Translated) intake).handoff();
  }

  private List<Patient> patientsOf(ReleaseHandoff handoff) {
    ReleaseHandoff.PersonIdentifier id = handoff.identifiers().get(0);
    Bundle found =
        fhir()
            .search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(id.system(), id.value()))
            .returnBundle(Bundle.class)
            .execute();
    return found.getEntry().stream().map(e -> (Patient) e.getResource()).toList();
  }

  private List<Composition> compositionsOf(ReleaseHandoff handoff) {
    Bundle found =
        fhir()
            .search()
            .forResource(Composition.class)
            .where(
                Composition.IDENTIFIER
                    .exactly()
                    .systemAndIdentifier(
                        PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM,
                        ReleaseHandoffTransactionMapper.handoffId(handoff) + "-composition"))
            .returnBundle(Bundle.class)
            .execute();
    return found.getEntry().stream().map(e -> (Composition) e.getResource()).toList();
  }

  private int binaryCount() {
    Bundle count =
        fhir()
            .search()
            .forResource(Binary.class)
            .totalMode(ca.uhn.fhir.rest.api.SearchTotalModeEnum.ACCURATE)
            .summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT)
            .returnBundle(Bundle.class)
            .execute();
    return count.getTotal();
  }

  static String[] msa(String ack) {
    for (String segment : ack.split("[\r\n]+")) {
      if (segment.startsWith("MSA|")) {
        return segment.split("\\|", -1);
      }
    }
    throw new AssertionError("no MSA segment in " + ack);
  }

  static String controlId(String message) {
    return message.split("[\r\n]+")[0].split("\\|", -1)[9];
  }
}
