package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.continuumcare.routes.prison.Hl7v2Samples.*;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A field over its limit is refused with AE naming the field, ERR-3 104 "Value too long" from v2.7
 * on and 102 "Data type error" before (table 0357 has no 104 there), never the AE 207 a sender
 * would resend forever.
 */
class PrisonHl7v2FieldLengthTest {

  private static final String MEGABYTE_NAME = "Reyes" + "x".repeat(1_048_576) + "^Jordan";

  private static PrisonHl7v2Translator translator(Hl7v2FieldLimits limits) {
    AtomicLong ack = new AtomicLong();
    return new PrisonHl7v2Translator(
        new PrisonHl7v2Parser(),
        PrisonFixtures.handoffMapper(),
        PrisonFixtures.transactionMapper(),
        new Hl7v2AckBuilder(PrisonFixtures.CLOCK, () -> "ACK" + ack.incrementAndGet()),
        limits);
  }

  private static String pidWithName(String name) {
    return segment(
        "PID",
        1,
        "1",
        3,
        "RCF-2024-00417^^^RCF&2.16.840.1.113883.3.999.1&ISO^MR",
        5,
        name,
        7,
        "19910412",
        8,
        "M");
  }

  private static Hl7v2Intake.Rejected rejected(Hl7v2Intake intake) {
    assertThat(intake).as("refused, not translated").isInstanceOf(Hl7v2Intake.Rejected.class);
    return (Hl7v2Intake.Rejected) intake;
  }

  @Test
  void aMegabyteNameInVersion251IsAnAeDataTypeErrorNamingPid5() {
    Hl7v2Intake intake =
        PrisonFixtures.translator()
            .translate(PrisonFixtures.er7(MSH_251, EVN, pidWithName(MEGABYTE_NAME), PV1));

    Hl7v2Intake.Rejected rejected = rejected(intake);
    Hl7v2Acks ack = Hl7v2Acks.parse(rejected.nack());
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-2-2")).isEqualTo("1");
    assertThat(ack.get("/ERR-2-3")).isEqualTo("5");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("102");
    assertThat(ack.get("/ERR-8"))
        .contains("1048588 characters long, the limit is 1000")
        .doesNotContain("Reyes");
    assertThat(rejected.nack().length()).isLessThan(1000);
  }

  @Test
  void aMegabyteNameInVersion28IsAnAeValueTooLong() {
    String msh = MSH_251.replace("|2.5.1", "|2.8");

    Hl7v2Acks ack =
        Hl7v2Acks.parse(
            rejected(
                    PrisonFixtures.translator()
                        .translate(PrisonFixtures.er7(msh, EVN, pidWithName(MEGABYTE_NAME), PV1)))
                .nack());

    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/ERR-2-3")).isEqualTo("5");
    assertThat(ack.get("/ERR-3-1")).isEqualTo("104");
    assertThat(ack.get("/ERR-3-2")).isEqualTo("Value too long");
  }

  @Test
  void aMegabyteNameInVersion23IsNamedInErr1() {
    String msh = "MSH|^~\\&|JMS|RCF|||20261124153000||ADT^A03|C-23|P|2.3";

    Hl7v2Acks ack =
        Hl7v2Acks.parse(
            rejected(
                    PrisonFixtures.translator()
                        .translate(PrisonFixtures.er7(msh, EVN, pidWithName(MEGABYTE_NAME), PV1)))
                .nack());

    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/ERR-1-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-1-3")).isEqualTo("5");
    assertThat(ack.get("/ERR-1-4-1")).isEqualTo("102");
  }

  @Test
  void aNameWithinItsConfiguredLimitPassesAndOneOverItIsRefused() {
    PrisonHl7v2Translator strict = translator(new Hl7v2FieldLimits(null, Map.of("pid-5", 12)));

    assertThat(strict.translate(PrisonFixtures.er7(MSH_251, EVN, pidWithName("Reyes^Jordan"), PV1)))
        .isInstanceOf(Hl7v2Intake.Translated.class);
    assertThat(
            rejected(
                    strict.translate(
                        PrisonFixtures.er7(MSH_251, EVN, pidWithName("Reyes^Jordan^M"), PV1)))
                .rejection()
                .faults())
        .extracting(Hl7v2Fault::location, Hl7v2Fault::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PID-5", Hl7ErrorCode.VALUE_TOO_LONG));
  }

  @Test
  void aFieldTheHandoffDoesNotMapMayBeLongUpToTheGeneralLimit() {
    PrisonHl7v2Translator translator = translator(new Hl7v2FieldLimits(5000, null));
    String nk1 = segment("NK1", 1, "1", 2, "x".repeat(5000));
    String tooLong = segment("NK1", 1, "2", 2, "x".repeat(5001));

    assertThat(translator.translate(PrisonFixtures.er7(MSH_251, EVN, PID, nk1, PV1)))
        .isInstanceOf(Hl7v2Intake.Translated.class);
    assertThat(
            rejected(translator.translate(PrisonFixtures.er7(MSH_251, EVN, PID, nk1, tooLong, PV1)))
                .rejection()
                .faults())
        .extracting(Hl7v2Fault::location, Hl7v2Fault::sequence)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NK1-2", 2));
  }

  @Test
  void anOversizedControlIdIsRefusedAndEchoedCut() {
    String controlId = "C".repeat(5000);

    Hl7v2Intake.Rejected rejected =
        rejected(
            PrisonFixtures.translator()
                .translate(
                    PrisonFixtures.er7(
                        MSH_251.replace("|CTRL-1|", "|" + controlId + "|"), EVN, PID, PV1)));

    assertThat(rejected.rejection().faults())
        .extracting(Hl7v2Fault::location)
        .containsExactly("MSH-10");
    assertThat(Hl7v2Acks.parse(rejected.nack()).get("/MSA-2")).isEqualTo("C".repeat(199));
  }

  @Test
  void limitsAreValidatedAndMergedWithTheDefaults() {
    Hl7v2FieldLimits limits = new Hl7v2FieldLimits(null, Map.of("pid-5", 500));

    assertThat(limits.limit("PID", 5)).isEqualTo(500);
    assertThat(limits.limit("PID", 3)).isEqualTo(1000);
    assertThat(limits.limit("ZZZ", 1)).isEqualTo(Hl7v2FieldLimits.DEFAULT_MAX_FIELD_LENGTH);
    assertThatThrownBy(() -> new Hl7v2FieldLimits(null, Map.of("name", 5)))
        .hasMessageContaining("continuum.prison.hl7v2.field-lengths");
    assertThatThrownBy(() -> new Hl7v2FieldLimits(0, null))
        .hasMessageContaining("continuum.prison.hl7v2.max-field-length");
  }

  @Test
  void theLengthCodeIs104FromVersion27On() {
    assertThat(Hl7ErrorCode.VALUE_TOO_LONG.inVersion("2.7")).isEqualTo(Hl7ErrorCode.VALUE_TOO_LONG);
    assertThat(Hl7ErrorCode.VALUE_TOO_LONG.inVersion("2.8.2"))
        .isEqualTo(Hl7ErrorCode.VALUE_TOO_LONG);
    assertThat(Hl7ErrorCode.VALUE_TOO_LONG.inVersion("2.6"))
        .isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
    assertThat(Hl7ErrorCode.VALUE_TOO_LONG.inVersion("2.3"))
        .isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
    assertThat(Hl7ErrorCode.REQUIRED_FIELD_MISSING.inVersion("2.3"))
        .isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
  }
}
