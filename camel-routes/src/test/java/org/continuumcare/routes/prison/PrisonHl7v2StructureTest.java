package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.routes.prison.Hl7v2Samples.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A message cut short, out of order or holding two messages is refused with AR naming the segment
 * (ERR-3 100), never translated into a handoff.
 */
class PrisonHl7v2StructureTest {

  private static final Path DIR = Path.of("src/test/resources/prison/hl7v2");
  private final PrisonHl7v2Translator translator = PrisonFixtures.translator();

  private Hl7v2Intake.Rejected rejected(String er7) {
    Hl7v2Intake intake = translator.translate(er7);
    assertThat(intake).as("refused, not translated").isInstanceOf(Hl7v2Intake.Rejected.class);
    return (Hl7v2Intake.Rejected) intake;
  }

  private static String sample(String file) throws IOException {
    return Files.readString(DIR.resolve(file));
  }

  @Test
  void aDischargeCutAtATenthOfItsLengthIsRejectedArNamingPv1() throws IOException {
    String message = sample("ADT-A03-01.hl7");

    Hl7v2Intake.Rejected rejected = rejected(message.substring(0, message.length() / 10));

    Hl7v2Acks ack = Hl7v2Acks.parse(rejected.nack());
    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/MSA-2")).isEqualTo("MSG00001");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("PV1");
    assertThat(ack.get("/ERR-2-2")).isEqualTo("1");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("100");
    assertThat(ack.get("/ERR-8")).contains("required segment PV1").contains("truncated");
  }

  @Test
  void aDischargeCutInsideTheBirthDateIsRejectedArNamingPv1() throws IOException {
    String message = sample("ADT-A03-01.hl7");
    // PID-7 is 198808181126+0215; "198808" is still a valid DTM (month precision)
    int cut = message.indexOf("|198808181126+0215|") + "|198808".length();

    Hl7v2Intake.Rejected rejected = rejected(message.substring(0, cut));

    assertThat(rejected.rejection().ackCode()).isEqualTo(HandoffRejection.AckCode.AR);
    assertThat(rejected.rejection().faults())
        .extracting(Hl7v2Fault::location, Hl7v2Fault::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PV1", Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR));
  }

  @Test
  void noCutBeforeTheEndOfPidIsEverTranslated() throws IOException {
    String message = sample("ADT-A03-01.hl7");
    int pv1 = message.indexOf("\nPV1|");

    for (int cut = 1; cut <= pv1; cut++) {
      Hl7v2Intake intake = translator.translate(message.substring(0, cut));
      assertThat(intake)
          .as("cut at %d of %d", cut, message.length())
          .isInstanceOf(Hl7v2Intake.Rejected.class);
    }
  }

  @Test
  void aRegistrationWithoutPv1IsRejectedAr() {
    String msh = MSH_251.replace("ADT^A03^ADT_A03", "ADT^A04^ADT_A01");

    Hl7v2Intake.Rejected rejected = rejected(PrisonFixtures.er7(msh, EVN, PID));

    assertThat(rejected.rejection().faults())
        .extracting(Hl7v2Fault::location)
        .containsExactly("PV1");
  }

  @Test
  void aDischargeWithoutEvnIsRejectedArNamingEvn() {
    Hl7v2Intake.Rejected rejected = rejected(PrisonFixtures.er7(MSH_251, PID, PV1));

    assertThat(rejected.rejection().ackCode()).isEqualTo(HandoffRejection.AckCode.AR);
    assertThat(rejected.rejection().faults())
        .extracting(Hl7v2Fault::location)
        .containsExactly("EVN");
  }

  @Test
  void aRegistrationWithoutEvnIsStillTranslated() {
    String msh = MSH_251.replace("ADT^A03^ADT_A03", "ADT^A04^ADT_A01");

    assertThat(translator.translate(PrisonFixtures.er7(msh, PID, PV1)))
        .isInstanceOf(Hl7v2Intake.Translated.class);
  }

  @Test
  void segmentsOutOfOrderAreRejectedAr() {
    Hl7v2Intake.Rejected rejected = rejected(PrisonFixtures.er7(MSH_251, EVN, PV1, PID));

    assertThat(rejected.rejection().ackCode()).isEqualTo(HandoffRejection.AckCode.AR);
    assertThat(rejected.rejection().faults())
        .extracting(Hl7v2Fault::location)
        .containsExactly("PV1");
    assertThat(rejected.rejection().faults().get(0).reason()).contains("comes before PID");
  }

  @Test
  void twoMessagesInOneAreRejectedArNamingTheSecondMsh() {
    Hl7v2Intake.Rejected rejected = rejected(discharge() + "\r" + discharge());

    assertThat(rejected.rejection().ackCode()).isEqualTo(HandoffRejection.AckCode.AR);
    assertThat(rejected.rejection().faults())
        .first()
        .satisfies(
            fault -> {
              assertThat(fault.location()).isEqualTo("MSH");
              assertThat(fault.sequence()).isEqualTo(2);
              assertThat(fault.code()).isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
            });
    assertThat(Hl7v2Acks.parse(rejected.nack()).get("/ERR-2-2")).isEqualTo("2");
  }

  @Test
  void aSecondPidIsRejectedAr() {
    Hl7v2Intake.Rejected rejected = rejected(PrisonFixtures.er7(MSH_251, EVN, PID, PID, PV1));

    assertThat(rejected.rejection().faults())
        .extracting(Hl7v2Fault::location, Hl7v2Fault::sequence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PID", 2));
  }

  @Test
  void aVersion23TruncatedMessageNamesPv1InErr1() throws IOException {
    // The sample is a training message (MSH-11 T, refused before its structure is read): as
    // production here.
    String message = sample("ADT04-251.hl7").replace("|T|2.3|", "|P|2.3|");

    Hl7v2Acks ack =
        Hl7v2Acks.parse(rejected(message.substring(0, message.indexOf("\nNK1|"))).nack());

    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/ERR-1-1")).isEqualTo("PV1");
    assertThat(ack.get("/ERR-1-4-1")).isEqualTo("100");
  }
}
