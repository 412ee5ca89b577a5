package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.routes.prison.Hl7v2Samples.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrisonHl7v2ParserTest {

  private final PrisonHl7v2Parser parser = new PrisonHl7v2Parser();

  private Hl7v2Fault onlyFault(String er7, HandoffRejection.AckCode code) {
    Hl7v2ParseResult result = parser.parse(er7);
    assertThat(result).isInstanceOf(Hl7v2ParseResult.Refused.class);
    HandoffRejection rejection = ((Hl7v2ParseResult.Refused) result).rejection();
    assertThat(rejection.ackCode()).isEqualTo(code);
    assertThat(rejection.faults()).hasSize(1);
    return rejection.faults().get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8"})
  void acceptsEveryVersionFrom23To28(String version) {
    String msh = MSH_251.replace("|2.5.1", "|" + version);
    Hl7v2ParseResult result = parser.parse(PrisonFixtures.er7(msh, EVN, PID, PV1));

    assertThat(result).isInstanceOf(Hl7v2ParseResult.Parsed.class);
    assertThat(result.header().version()).isEqualTo(version);
  }

  @Test
  void readsTheHeaderTheAckNeeds() {
    Hl7v2Header header = parser.parse(discharge()).header();

    assertThat(header.controlId()).isEqualTo("CTRL-1");
    assertThat(header.messageCode()).isEqualTo("ADT");
    assertThat(header.triggerEvent()).isEqualTo("A03");
    assertThat(header.sendingApplication()).isEqualTo("JMS");
    assertThat(header.sendingFacility()).isEqualTo("RIVERSIDE CF^2.16.840.1.113883.3.999^ISO");
    assertThat(header.processingId()).isEqualTo("P");
  }

  @Test
  void readsTheAcknowledgmentConditionsOfEnhancedMode() {
    Hl7v2Header header = parser.parse(PrisonFixtures.er7(MSH_251 + "|||AL|NE", PID)).header();

    assertThat(header.acceptAckType()).isEqualTo("AL");
    assertThat(header.applicationAckType()).isEqualTo("NE");
    assertThat(header.acceptOnly()).isTrue();
  }

  @Test
  void anAcknowledgmentConditionOutsideTable0155IsAnAr103OnThatField() {
    Hl7v2Fault fault =
        onlyFault(PrisonFixtures.er7(MSH_251 + "|||AL|NEVER", PID), HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH-16");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.TABLE_VALUE_NOT_FOUND);
    assertThat(fault.reason()).contains("NEVER").contains("table 0155");
  }

  @Test
  void mllpFramingByteOrderMarkAndLineFeedsAreTolerated() {
    String framed = "\u000b\uFEFF" + discharge().replace('\r', '\n') + "\n\u001c\r";

    assertThat(parser.parse(framed)).isInstanceOf(Hl7v2ParseResult.Parsed.class);
  }

  @Test
  void unsupportedMessageTypeIsAnAr200OnMsh9() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251.replace("ADT^A03^ADT_A03", "ORU^R01^ORU_R01"), PID),
            HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH-9");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE);
    assertThat(fault.reason()).startsWith("unsupported message type ORU^R01");
  }

  @Test
  void admissionIsNotAHandoffButAnUnsupportedEventAr201OnMsh92() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251.replace("ADT^A03^ADT_A03", "ADT^A01^ADT_A01"), PID),
            HandoffRejection.AckCode.AR);

    assertThat(fault.reason()).startsWith("unsupported trigger event A01");
    assertThat(fault.location()).isEqualTo("MSH-9.2");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.UNSUPPORTED_EVENT_CODE);
  }

  @Test
  void unsupportedVersionIsAnAr203OnMsh12() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251.replace("|2.5.1", "|2.2"), PID),
            HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH-12");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.UNSUPPORTED_VERSION_ID);
  }

  @Test
  void missingControlIdIsNamed() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251.replace("|CTRL-1|", "||"), PID),
            HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH-10");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);
  }

  @Test
  void truncatedHeaderIsNamed() {
    Hl7v2Fault fault =
        onlyFault("MSH|^~\\&|JMS|RCF|CONTINUUM|GATEWAY|2026112415", HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH");
    assertThat(fault.reason()).contains("truncated");
  }

  @Test
  void messageNotStartingWithMshIsRefused() {
    Hl7v2Fault fault = onlyFault(PrisonFixtures.er7(PID, PV1), HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH");
    assertThat(fault.reason()).contains("does not start with an MSH segment");
  }

  @Test
  void emptyMessageIsRefused() {
    assertThat(onlyFault("  \r\n", HandoffRejection.AckCode.AR).reason())
        .isEqualTo("empty message");
  }

  @Test
  void encodingCharactersThatRepeatAreWrongDelimiters() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251.replace("^~\\&", "^^\\&"), PID),
            HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("MSH-2");
    assertThat(fault.reason()).startsWith("wrong delimiters");
  }

  @Test
  void segmentsUsingAnotherFieldSeparatorAreWrongDelimiters() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251, EVN, PID.replace('|', '#'), PV1),
            HandoffRejection.AckCode.AR);

    assertThat(fault.location()).isEqualTo("PID");
    assertThat(fault.reason()).contains("does not use the field separator '|'");
  }

  @Test
  void aLineThatIsNotASegmentIsRefused() {
    Hl7v2Fault fault =
        onlyFault(
            PrisonFixtures.er7(MSH_251, EVN, "rt^Jordan|x", PV1), HandoffRejection.AckCode.AR);

    assertThat(fault.reason()).startsWith("line 3 is not a segment");
  }
}
