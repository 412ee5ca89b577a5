package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every sample message of shared/data/hl7v2 (Microsoft FHIR-Converter samples, MIT; copied to
 * src/test/resources/prison/hl7v2) gets exactly the outcome listed here: a handoff transaction (AA
 * after commit) or a precise AE/AR naming segment and field. Nothing throws.
 */
class PrisonRealDataTest {

  private static final Path DIR = Path.of("src/test/resources/prison/hl7v2");
  private final PrisonHl7v2Translator translator = PrisonFixtures.translator();

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "ADT-A01-01.hl7, AR, MSH-9.2, 201",
    "ADT-A01-02.hl7, AR, MSH-9.2, 201",
    "ADT-A03-01.hl7, AA, , ",
    "ADT-A03-02.hl7, AA, , ",
    "ADT-A04-01.hl7, AA, , ",
    "ADT-A04-02.hl7, AA, , ",
    "ADT-A08-01.hl7, AA, , ",
    "ADT-A08-02.hl7, AE, PV2-9, 101",
    "ADT01-23.hl7, AR, MSH-9.2, 201",
    "ADT04-251.hl7, AR, MSH-11, 202",
    "REF-I12-01.hl7, AR, MSH-9, 200",
    "REF-I12-02.hl7, AR, MSH-9, 200",
    "REF-I14-01.hl7, AR, MSH-9, 200",
    "REF-I14-02.hl7, AR, MSH-9, 200"
  })
  void sampleMessageGetsItsOutcome(String file, String ackCode, String location, String errorCode)
      throws IOException {
    Hl7v2Intake intake = translator.translate(Files.readString(DIR.resolve(file)));

    String ack;
    if ("AA".equals(ackCode)) {
      assertThat(intake).isInstanceOf(Hl7v2Intake.Translated.class);
      Bundle transaction = ((Hl7v2Intake.Translated) intake).transaction();
      assertThat(transaction.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
      assertThat(transaction.getEntry())
          .extracting(e -> e.getResource().fhirType())
          .contains(
              "Binary",
              "Patient",
              "Encounter",
              "ServiceRequest",
              "Task",
              "Composition",
              "Provenance");
      ack = translator.accept(intake.header());
    } else {
      assertThat(intake).isInstanceOf(Hl7v2Intake.Rejected.class);
      Hl7v2Intake.Rejected rejected = (Hl7v2Intake.Rejected) intake;
      assertThat(rejected.rejection().faults())
          .extracting(Hl7v2Fault::location)
          .containsExactly(location);
      ack = rejected.nack();
    }
    Hl7v2Acks parsed = Hl7v2Acks.parse(ack);
    assertThat(parsed.get("/MSA-1")).isEqualTo(ackCode);
    assertThat(parsed.get("/MSA-2")).isEqualTo(intake.header().controlId());
    if (errorCode != null) {
      String[] where = location.split("[-.]");
      if (intake.header().structuredErr()) {
        assertThat(parsed.get("/ERR-2-1")).isEqualTo(where[0]);
        assertThat(parsed.get("/ERR-2-3")).isEqualTo(where[1]);
        assertThat(parsed.get("/ERR-3-1")).isEqualTo(errorCode);
      } else {
        assertThat(parsed.get("/ERR-1-1")).isEqualTo(where[0]);
        assertThat(parsed.get("/ERR-1-3")).isEqualTo(where[1]);
        assertThat(parsed.get("/ERR-1-4-1")).isEqualTo(errorCode);
      }
    }
  }

  @Test
  void everySampleFileIsListed() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".hl7"))
              .sorted()
              .toList();
      assertThat(names).hasSize(14);
    }
  }

  @Test
  void unsupportedReferralMessagesSayWhatIsAccepted() throws IOException {
    Hl7v2Intake.Rejected rejected =
        (Hl7v2Intake.Rejected)
            translator.translate(Files.readString(DIR.resolve("REF-I12-01.hl7")));

    assertThat(rejected.rejection().ackCode()).isEqualTo(HandoffRejection.AckCode.AR);
    assertThat(rejected.rejection().faults().get(0).reason())
        .startsWith("unsupported message type REF^I12")
        .contains(
            "ADT^A03, ADT^A04, ADT^A08, ADT^A16 (release handoffs) and ADT^A11, ADT^A12, ADT^A13,"
                + " ADT^A25 (their withdrawal)");
  }
}
