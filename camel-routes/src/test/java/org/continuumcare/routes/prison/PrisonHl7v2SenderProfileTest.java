package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.routes.prison.Hl7v2Samples.*;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffMedication;
import org.continuumcare.routes.prison.ReleaseHandoff.LastDose;
import org.continuumcare.routes.prison.ReleaseHandoff.Needs;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.junit.jupiter.api.Test;

/**
 * The v2 conformance profile, segment by segment: PV1-37 receiving provider, OBX release-need, CON
 * consent on file, RXA last dose; every refusal names its segment and field.
 */
class PrisonHl7v2SenderProfileTest {

  static final String PV1_TO_PROVIDER =
      segment(
          "PV1",
          1,
          "1",
          2,
          "I",
          3,
          "UNIT-B^12^1^Riverside CF",
          19,
          "V-2026-88",
          36,
          "01",
          37,
          "north-clinic&North Clinic&CCORG",
          45,
          "20261215090000");
  static final String OBX_HOUSING =
      segment(
          "OBX",
          1,
          "1",
          2,
          "CWE",
          3,
          "release-need^Need at release",
          5,
          "housing-instability^Housing instability^SDOHCC",
          11,
          "F");
  static final String OBX_PEER =
      segment(
          "OBX",
          1,
          "2",
          2,
          "CWE",
          3,
          "release-need^Need at release",
          5,
          "peer-support^Peer recovery support^CCREFCAT",
          11,
          "F");
  static final String OBX_WEIGHT =
      segment("OBX", 1, "3", 2, "NM", 3, "29463-7^Body weight^LN", 5, "82", 6, "kg", 11, "F");
  static final String CON =
      segment(
          "CON",
          1,
          "1",
          2,
          "001^Release of information^HL70496",
          4,
          "jordan-sud-consent",
          11,
          "A",
          14,
          "20261120");
  static final String RXE_METHADONE =
      segment(
          "RXE",
          1,
          "^^^20260602",
          2,
          "864706^Methadone 10 mg/mL oral solution^RXNORM",
          3,
          "80",
          5,
          "mg",
          7,
          "QD^80 mg by mouth once daily, observed",
          10,
          "3",
          11,
          "d");
  static final String RXA_EARLIER =
      segment(
          "RXA",
          1,
          "0",
          2,
          "1",
          3,
          "202611230815-0500",
          5,
          "864706^Methadone 10 mg/mL oral solution^RXNORM",
          6,
          "75",
          7,
          "mg^milligram^UCUM",
          20,
          "CP");
  static final String RXA_LAST =
      segment(
          "RXA",
          1,
          "0",
          2,
          "2",
          3,
          "202611240820-0500",
          5,
          "864706^Methadone 10 mg/mL oral solution^RXNORM",
          6,
          "80",
          7,
          "mg^milligram^UCUM",
          20,
          "CP");

  private final PrisonHl7v2Parser parser = new PrisonHl7v2Parser();
  private final PrisonHl7v2HandoffMapper mapper = mapper(ZoneId.of("UTC"));

  private static PrisonHl7v2HandoffMapper mapper(ZoneId senderZone) {
    CodingSystemNames systems = new CodingSystemNames();
    return new PrisonHl7v2HandoffMapper(
        ConceptMapTranslator.shared(),
        LocalConceptMap.load(PrisonFixtures.FHIR, "v2-0001-to-administrative-gender"),
        systems,
        new MedicationClassifier(ConceptMapTranslator.shared()),
        HandoffDefaults.demo(),
        PrisonFixtures.CLOCK,
        PrisonHl7v2SenderProfile.load(PrisonFixtures.FHIR, systems),
        senderZone);
  }

  private ReleaseHandoff handoff(String... segments) {
    Hl7v2Mapping mapping = map(mapper, segments);
    assertThat(mapping).isInstanceOf(Hl7v2Mapping.Mapped.class);
    return ((Hl7v2Mapping.Mapped) mapping).handoff();
  }

  private Hl7v2Mapping map(PrisonHl7v2HandoffMapper with, String... segments) {
    return with.map((Hl7v2ParseResult.Parsed) parser.parse(PrisonFixtures.er7(segments)));
  }

  private HandoffRejection rejection(String... segments) {
    Hl7v2Mapping mapping = map(mapper, segments);
    assertThat(mapping).isInstanceOf(Hl7v2Mapping.Refused.class);
    return ((Hl7v2Mapping.Refused) mapping).rejection();
  }

  private static Hl7v2Fault only(HandoffRejection rejection) {
    assertThat(rejection.ackCode()).isEqualTo(HandoffRejection.AckCode.AE);
    assertThat(rejection.faults()).hasSize(1);
    return rejection.faults().get(0);
  }

  @Test
  void dischargedToLocationNamesTheReceivingProvider() {
    assertThat(handoff(MSH_251, EVN, PID, PV1_TO_PROVIDER).receivingProviderId())
        .isEqualTo("north-clinic");
  }

  @Test
  void withoutDischargedToLocationTheConfiguredProviderReceivesIt() {
    assertThat(handoff(MSH_251, EVN, PID, PV1).receivingProviderId()).isEqualTo("demo-treatment");
  }

  @Test
  void aDischargedToLocationOfAnotherCodingSystemIsAPlaceNotAProvider() {
    String home = PV1_TO_PROVIDER.replace("north-clinic&North Clinic&CCORG", "22&Homes&FDK");
    assertThat(handoff(MSH_251, EVN, PID, home).receivingProviderId()).isEqualTo("demo-treatment");
  }

  @Test
  void aDischargedToLocationThatIsNoOrganizationIdIsRefusedNamingPv1_37() {
    String pv1 = PV1_TO_PROVIDER.replace("north-clinic&", "North Clinic/2&");
    Hl7v2Fault fault = only(rejection(MSH_251, EVN, PID, pv1));

    assertThat(fault.location()).isEqualTo("PV1-37.1");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
  }

  @Test
  void releaseNeedObservationsBecomeTheNeedsAndOtherObservationsAreNotRead() {
    String employment =
        segment(
            "OBX", 1, "4", 2, "CWE", 3, "release-need", 5, "employment-status^^SDOHCC", 11, "F");

    assertThat(
            handoff(MSH_251, EVN, PID, PV1, OBX_HOUSING, OBX_WEIGHT, OBX_PEER, employment).needs())
        .isEqualTo(new Needs(true, true, true));
    assertThat(handoff(MSH_251, EVN, PID, PV1, OBX_WEIGHT).needs()).isEqualTo(Needs.NONE);
  }

  @Test
  void anUnknownNeedCodeIsRefusedNamingThatObxAndItsValue() {
    String unknown = OBX_PEER.replace("peer-support^Peer recovery support^CCREFCAT", "food^Food^L");
    Hl7v2Fault fault = only(rejection(MSH_251, EVN, PID, PV1, OBX_WEIGHT, OBX_HOUSING, unknown));

    assertThat(fault.segment()).isEqualTo("OBX");
    assertThat(fault.sequence()).isEqualTo(3);
    assertThat(fault.field()).isEqualTo(5);
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.TABLE_VALUE_NOT_FOUND);
  }

  @Test
  void aNeedWithoutCodingSystemIsUnknownAndANumericNeedIsADataTypeError() {
    String noSystem = OBX_HOUSING.replace("^SDOHCC", "");
    assertThat(only(rejection(MSH_251, EVN, PID, PV1, noSystem)).code())
        .isEqualTo(Hl7ErrorCode.TABLE_VALUE_NOT_FOUND);

    Hl7v2Fault numeric =
        only(rejection(MSH_251, EVN, PID, PV1, OBX_HOUSING.replace("|CWE|", "|NM|")));
    assertThat(numeric.location()).isEqualTo("OBX-2");
    assertThat(numeric.code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
  }

  @Test
  void anActiveReleaseOfInformationConsentIsCitedByItsFormNumber() {
    assertThat(handoff(MSH_251, EVN, PID, PV1, CON).consentReference())
        .isEqualTo("Consent/jordan-sud-consent");
    assertThat(handoff(MSH_251, EVN, PID, PV1).consentReference()).isNull();
  }

  @Test
  void aConsentOfAnUnknownTypeIsRefusedNamingCon2() {
    String procedure = CON.replace("001^Release of information", "002^Medical procedure");
    Hl7v2Fault fault = only(rejection(MSH_251, EVN, PID, PV1, procedure));

    assertThat(fault.location()).isEqualTo("CON-2");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.TABLE_VALUE_NOT_FOUND);
  }

  @Test
  void aRefusedOrUnknownConsentStatusIsRefusedNamingCon11() {
    Hl7v2Fault refused = only(rejection(MSH_251, EVN, PID, PV1, CON.replace("|A|", "|R|")));
    assertThat(refused.location()).isEqualTo("CON-11");
    assertThat(refused.reason()).contains("rejected");

    Hl7v2Fault unknown = only(rejection(MSH_251, EVN, PID, PV1, CON.replace("|A|", "|Q|")));
    assertThat(unknown.location()).isEqualTo("CON-11");
    assertThat(unknown.code()).isEqualTo(Hl7ErrorCode.TABLE_VALUE_NOT_FOUND);
  }

  @Test
  void aConsentWithoutFormNumberOrWithASecondConIsRefused() {
    Hl7v2Fault missing =
        only(rejection(MSH_251, EVN, PID, PV1, CON.replace("|jordan-sud-consent|", "||")));
    assertThat(missing.location()).isEqualTo("CON-4.1");
    assertThat(missing.code()).isEqualTo(Hl7ErrorCode.REQUIRED_FIELD_MISSING);

    Hl7v2Fault second = only(rejection(MSH_251, EVN, PID, PV1, CON, CON.replace("CON|1", "CON|2")));
    assertThat(second.segment()).isEqualTo("CON");
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.code()).isEqualTo(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR);
  }

  @Test
  void theLatestAdministrationIsTheLastDoseOfItsDrugNextToItsDaysSupply() {
    ReleaseHandoff handoff = handoff(MSH_251, EVN, PID, PV1, RXE_METHADONE, RXA_LAST, RXA_EARLIER);

    assertThat(handoff.medications()).hasSize(1);
    HandoffMedication methadone = handoff.medications().get(0);
    assertThat(methadone.role()).isEqualTo(MedicationRole.MOUD);
    assertThat(methadone.supplyAtReleaseDays()).isEqualTo(3);
    assertThat(methadone.dosage()).isEqualTo("80 mg by mouth once daily, observed");
    assertThat(methadone.lastDose())
        .isEqualTo(
            new LastDose(
                OffsetDateTime.parse("2026-11-24T08:20:00-05:00"), new BigDecimal("80"), "mg"));
  }

  @Test
  void aLastDoseWithoutOffsetIsInTheSendersZoneAndARefusedDoseIsNone() {
    String local = RXA_LAST.replace("202611240820-0500", "202611240820");
    Hl7v2Mapping mapping =
        map(mapper(ZoneId.of("America/Chicago")), MSH_251, EVN, PID, PV1, RXE_METHADONE, local);
    LastDose dose = ((Hl7v2Mapping.Mapped) mapping).handoff().medications().get(0).lastDose();
    assertThat(dose.at()).isEqualTo(OffsetDateTime.parse("2026-11-24T08:20:00-06:00"));

    String refused = RXA_LAST.replace("|CP", "|RE");
    assertThat(
            handoff(MSH_251, EVN, PID, PV1, RXE_METHADONE, RXA_EARLIER, refused)
                .medications()
                .get(0)
                .lastDose()
                .at())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T08:15:00-05:00"));
  }

  @Test
  void aMalformedDateOnlyOrFutureLastDoseIsRefusedNamingRxa3() {
    for (String value : new String[] {"20261324", "20261124", "202612010800-0500"}) {
      Hl7v2Fault fault =
          only(
              rejection(
                  MSH_251,
                  EVN,
                  PID,
                  PV1,
                  RXE_METHADONE,
                  RXA_LAST.replace("202611240820-0500", value)));
      assertThat(fault.location()).as(value).isEqualTo("RXA-3");
      assertThat(fault.code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
    }
  }

  @Test
  void aNonNumericAdministeredAmountIsRefusedNamingRxa6() {
    Hl7v2Fault fault =
        only(rejection(MSH_251, EVN, PID, PV1, RXA_LAST.replace("|80|mg", "|eighty|mg")));

    assertThat(fault.location()).isEqualTo("RXA-6");
    assertThat(fault.code()).isEqualTo(Hl7ErrorCode.DATA_TYPE_ERROR);
  }

  @Test
  void theAckNamesSegmentAndFieldOfEveryRefusal() {
    Hl7v2Intake intake =
        PrisonFixtures.translator()
            .translate(
                PrisonFixtures.er7(
                    MSH_251,
                    EVN,
                    PID,
                    PV1,
                    RXD.replace("|20261215|", "|20261232|"),
                    OBX_HOUSING.replace("housing-instability", "housing"),
                    CON.replace("001^", "999^")));
    assertThat(intake).isInstanceOf(Hl7v2Intake.Rejected.class);
    String ack = ((Hl7v2Intake.Rejected) intake).nack();

    assertThat(ack).contains("MSA|AE|CTRL-1");
    assertThat(ack).contains("ERR||RXD^1^3^1|102");
    assertThat(ack).contains("ERR||OBX^1^5^1|103");
    assertThat(ack).contains("ERR||CON^1^2^1|103");
  }
}
