package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import org.continuumcare.routes.prison.HandoffRejection.AckCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7v2HeaderTest {

  private static Hl7v2Header header(String msh15, String msh16) {
    return new Hl7v2Header(
        '|',
        "^~\\&",
        "JMS",
        "RCF",
        "CONTINUUM",
        "GATEWAY",
        "ADT",
        "A03",
        "C1",
        "P",
        "2.5.1",
        msh15,
        msh16);
  }

  /** HL7 table 0155 for each acknowledgment code: MSH-15 governs CA/CE/CR, MSH-16 AA/AE/AR. */
  @ParameterizedTest(name = "MSH-15 ''{0}'', MSH-16 ''{1}'': {2} sent? {3}")
  @CsvSource({
    "'', '', AA, true",
    "'', '', AE, true",
    "'', '', AR, true",
    "AL, NE, CA, true",
    "AL, NE, AA, false",
    "NE, NE, CA, false",
    "NE, NE, CR, false",
    "ER, NE, CA, false",
    "ER, NE, CE, true",
    "ER, NE, CR, true",
    "SU, NE, CA, true",
    "SU, NE, CR, false",
    "NE, AL, AA, true",
    "NE, AL, CA, false",
    "NE, ER, AA, false",
    "NE, ER, AE, true",
    "NE, SU, AA, true",
    "NE, SU, AR, false",
    "'', ER, CA, true",
    "AL, '', AE, true"
  })
  void anAcknowledgmentIsSentWhenItsConditionHolds(
      String msh15, String msh16, AckCode code, boolean sent) {
    assertThat(header(msh15, msh16).wants(code)).isEqualTo(sent);
  }
}
