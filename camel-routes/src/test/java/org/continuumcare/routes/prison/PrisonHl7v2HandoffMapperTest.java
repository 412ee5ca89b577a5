package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.routes.prison.Hl7v2Samples.*;

import java.time.LocalDate;
import org.continuumcare.routes.prison.ReleaseHandoff.Coded;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffMedication;
import org.junit.jupiter.api.Test;

class PrisonHl7v2HandoffMapperTest {

  private final PrisonHl7v2Parser parser = new PrisonHl7v2Parser();
  private final PrisonHl7v2HandoffMapper mapper = PrisonFixtures.handoffMapper();

  private ReleaseHandoff handoff(String er7) {
    Hl7v2Mapping mapping = mapper.map((Hl7v2ParseResult.Parsed) parser.parse(er7));
    assertThat(mapping).isInstanceOf(Hl7v2Mapping.Mapped.class);
    return ((Hl7v2Mapping.Mapped) mapping).handoff();
  }

  private HandoffRejection rejection(String er7) {
    Hl7v2Mapping mapping = mapper.map((Hl7v2ParseResult.Parsed) parser.parse(er7));
    assertThat(mapping).isInstanceOf(Hl7v2Mapping.Refused.class);
    return ((Hl7v2Mapping.Refused) mapping).rejection();
  }

  @Test
  void identifiersKeepTheirAssigningAuthorityAsOidOrNamespaceSystem() {
    ReleaseHandoff handoff = handoff(discharge());

    assertThat(handoff.identifiers())
        .extracting(
            ReleaseHandoff.PersonIdentifier::system,
            ReleaseHandoff.PersonIdentifier::value,
            ReleaseHandoff.PersonIdentifier::typeCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "urn:oid:2.16.840.1.113883.3.999.1", "RCF-2024-00417", "MR"),
            org.assertj.core.groups.Tuple.tuple(
                "https://continuumcare.org/fhir/sid/v2-assigning-authority/DOC", "A1234567", "PN"));
  }

  @Test
  void identifierWithoutAuthorityFallsBackToTheSendingFacility() {
    String pid = segment("PID", 1, "1", 3, "77^^^^MR", 5, "Reyes^Jordan", 8, "F");
    ReleaseHandoff handoff = handoff(PrisonFixtures.er7(MSH_251, EVN, pid, PV1));

    assertThat(handoff.identifiers().get(0).system())
        .isEqualTo("https://continuumcare.org/fhir/sid/v2-assigning-authority/RIVERSIDE+CF");
  }

  @Test
  void nameBirthDateAndSexComeFromPid() {
    ReleaseHandoff handoff = handoff(discharge());

    assertThat(handoff.names())
        .containsExactly(new ReleaseHandoff.PersonName("Reyes", java.util.List.of("Jordan", "M")));
    assertThat(handoff.birthDate()).isEqualTo(LocalDate.of(1991, 4, 12));
    assertThat(handoff.gender()).isEqualTo("male");
  }

  @Test
  void sexIsTranslatedThroughTheAdministrativeGenderMap() {
    String pid = segment("PID", 3, "1^^^RCF^MR", 8, "F");
    assertThat(handoff(PrisonFixtures.er7(MSH_251, EVN, pid, PV1)).gender()).isEqualTo("female");
    String unknown = segment("PID", 3, "1^^^RCF^MR", 8, "Z");
    assertThat(handoff(PrisonFixtures.er7(MSH_251, EVN, unknown, PV1)).gender())
        .isEqualTo("unknown");
  }

  @Test
  void dischargeDateIsAConfirmedReleaseDate() {
    ReleaseHandoff handoff = handoff(discharge());

    assertThat(handoff.releaseDate())
        .isEqualTo(new ReleaseHandoff.ReleaseDate(LocalDate.of(2026, 12, 15), true, null, null));
  }

  @Test
  void a03WithoutDischargeDateUsesTheEventDate() {
    String pv1 = segment("PV1", 1, "1", 2, "I", 19, "V-1");
    ReleaseHandoff handoff = handoff(PrisonFixtures.er7(MSH_251, EVN, PID, pv1));

    assertThat(handoff.releaseDate().date()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(handoff.releaseDate().confirmed()).isTrue();
  }

  @Test
  void preReleaseRegistrationUsesTheExpectedDischargeDateUnconfirmed() {
    String msh = MSH_251.replace("ADT^A03^ADT_A03", "ADT^A04^ADT_A01");
    String pv1 = segment("PV1", 1, "1", 2, "I", 19, "V-1");
    String pv2 = segment("PV2", 9, "20261222");
    ReleaseHandoff handoff =
        handoff(PrisonFixtures.er7(msh, EVN.replace("A03", "A04"), PID, pv1, pv2));

    assertThat(handoff.releaseDate())
        .isEqualTo(new ReleaseHandoff.ReleaseDate(LocalDate.of(2026, 12, 22), false, null, null));
  }

  @Test
  void releaseReasonIsTranslatedToReleaseType() {
    assertThat(handoff(discharge()).releaseType()).isEqualTo("parole");
    String evn = "EVN|A03|20261124153000||XYZ";
    assertThat(handoff(PrisonFixtures.er7(MSH_251, evn, PID, PV1)).releaseType())
        .isEqualTo("other");
  }

  @Test
  void dischargeDispositionGoesThroughTheConceptMap() {
    assertThat(handoff(discharge()).dischargeDisposition())
        .isEqualTo(
            new Coded(
                "http://terminology.hl7.org/CodeSystem/discharge-disposition", "home", "Home"));
  }

  @Test
  void untranslatableDispositionIsKeptAsTheV2Code() {
    String pv1 = segment("PV1", 1, "1", 2, "I", 36, "30", 45, "20261215");
    assertThat(handoff(PrisonFixtures.er7(MSH_251, EVN, PID, pv1)).dischargeDisposition())
        .isEqualTo(new Coded("http://terminology.hl7.org/CodeSystem/v2-0112", "30", null));
  }

  @Test
  void facilityComesFromTheAssignedLocationAndSendingFacility() {
    assertThat(handoff(discharge()).releaseFacility())
        .isEqualTo(new ReleaseHandoff.ReleaseFacility("RIVERSIDE CF", "Riverside CF"));
  }

  @Test
  void medicationsFromRxeAndRxdWithRoleSupplyAndDosage() {
    ReleaseHandoff handoff = handoff(discharge());

    assertThat(handoff.medications()).hasSize(2);
    HandoffMedication bup = handoff.medications().get(0);
    assertThat(bup.role()).isEqualTo(MedicationRole.MOUD);
    assertThat(bup.code())
        .isEqualTo(
            new Coded(
                "http://www.nlm.nih.gov/research/umls/rxnorm",
                "1010604",
                "Buprenorphine 8 mg / naloxone 2 mg sublingual film"));
    assertThat(bup.supplyAtReleaseDays()).isEqualTo(7);
    assertThat(bup.dosage()).isEqualTo("One film under the tongue once daily");
    HandoffMedication naloxone = handoff.medications().get(1);
    assertThat(naloxone.role()).isEqualTo(MedicationRole.NALOXONE);
    assertThat(naloxone.supplyAtReleaseDays()).isNull();
    assertThat(naloxone.startDate()).isEqualTo(LocalDate.of(2026, 12, 15));
  }

  @Test
  void medicationRoleComesFromTheRxNormAlternateCodeBeforeTheDrugName() {
    String rxe =
        segment("RXE", 1, "^^^20261124", 2, "F-917^Formulary item 917^L^1483744^^RXNORM", 3, "1");
    ReleaseHandoff handoff = handoff(PrisonFixtures.er7(MSH_251, EVN, PID, PV1, rxe));

    assertThat(handoff.medications())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.role()).isEqualTo(MedicationRole.MOUD);
              assertThat(m.code()).isEqualTo(new Coded(null, "F-917", "Formulary item 917"));
            });
  }

  @Test
  void listedPainBuprenorphineIsNotMoudDespiteItsName() {
    String rxe =
        segment("RXE", 1, "^^^20261124", 2, "904880^Buprenorphine 5 mcg/h patch^RXNORM", 3, "1");

    assertThat(handoff(PrisonFixtures.er7(MSH_251, EVN, PID, PV1, rxe)).medications())
        .singleElement()
        .satisfies(m -> assertThat(m.role()).isEqualTo(MedicationRole.OTHER));
  }

  @Test
  void conditionsFromDg1WithCodingSystem() {
    ReleaseHandoff handoff = handoff(discharge());

    assertThat(handoff.conditions())
        .containsExactly(
            new ReleaseHandoff.HandoffCondition(
                new Coded(
                    "http://hl7.org/fhir/sid/icd-10-cm",
                    "F11.20",
                    "Opioid dependence, uncomplicated"),
                "Opioid dependence, uncomplicated",
                LocalDate.of(2024, 6, 1)));
  }

  @Test
  void handoffKeyIsThePersonAndTheVisit() {
    assertThat(handoff(discharge()).handoffKey())
        .isEqualTo("hl7v2|urn:oid:2.16.840.1.113883.3.999.1|RCF-2024-00417|visit:V-2026-88");
  }

  @Test
  void originalMessageIsKeptAsEr7() {
    ReleaseHandoff handoff = handoff(discharge());

    assertThat(handoff.source().contentType()).isEqualTo("x-application/hl7-v2+er7");
    assertThat(new String(handoff.source().content(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(discharge());
  }

  @Test
  void missingPid3IsAnAeNamingPid3() {
    String pid = segment("PID", 1, "1", 5, "Reyes^Jordan", 7, "19910412");
    HandoffRejection rejection = rejection(PrisonFixtures.er7(MSH_251, EVN, pid, PV1));

    assertThat(rejection.ackCode()).isEqualTo(HandoffRejection.AckCode.AE);
    assertThat(rejection.faults())
        .extracting(Hl7v2Fault::location, Hl7v2Fault::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PID-3", Hl7ErrorCode.REQUIRED_FIELD_MISSING));
  }

  @Test
  void missingPidSegmentIsATruncatedMessage() {
    HandoffRejection rejection = rejection(PrisonFixtures.er7(MSH_251, EVN));

    assertThat(rejection.faults().get(0).location()).isEqualTo("PID");
    assertThat(rejection.faults().get(0).reason()).contains("truncated");
  }

  @Test
  void everyImpossibleDateIsNamed() {
    String pid = segment("PID", 3, "1^^^RCF^MR", 7, "19910230");
    String pv1 = segment("PV1", 1, "1", 45, "20261345");
    String dg1 = segment("DG1", 1, "1", 3, "F11.20^Opioid dependence^I10C", 5, "2024");
    String dg1b = segment("DG1", 1, "2", 3, "F17.210^Nicotine dependence^I10C", 5, "20240631");
    HandoffRejection rejection = rejection(PrisonFixtures.er7(MSH_251, EVN, pid, pv1, dg1, dg1b));

    assertThat(rejection.faults())
        .extracting(Hl7v2Fault::location)
        .containsExactly("PID-7", "PV1-45", "DG1-5");
    assertThat(rejection.faults().get(2).sequence()).isEqualTo(2);
    assertThat(rejection.faults()).allMatch(f -> f.code() == Hl7ErrorCode.DATA_TYPE_ERROR);
  }

  @Test
  void birthDateInTheFutureOrAfterReleaseIsRefused() {
    String future = segment("PID", 3, "1^^^RCF^MR", 7, "20300101");
    assertThat(rejection(PrisonFixtures.er7(MSH_251, EVN, future, PV1)).faults())
        .extracting(Hl7v2Fault::reason)
        .containsExactly(
            "impossible birth date: in the future",
            "impossible dates: the release date precedes the birth date");
  }

  @Test
  void preReleaseUpdateWithoutAnyReleaseDateIsAnAeOnPv2_9() {
    String msh = MSH_251.replace("ADT^A03^ADT_A03", "ADT^A08^ADT_A01");
    String pv1 = segment("PV1", 1, "1", 2, "I");
    HandoffRejection rejection = rejection(PrisonFixtures.er7(msh, EVN, PID, pv1));

    assertThat(rejection.faults()).extracting(Hl7v2Fault::location).containsExactly("PV2-9");
  }

  @Test
  void medicationWithoutCodeOrNameIsNamed() {
    String rxe = segment("RXE", 1, "^^^20261124", 3, "1");
    HandoffRejection rejection = rejection(PrisonFixtures.er7(MSH_251, EVN, PID, PV1, rxe));

    assertThat(rejection.faults()).extracting(Hl7v2Fault::location).containsExactly("RXE-2");
  }

  @Test
  void version23MessageMapsTheSameFields() {
    String msh = "MSH|^~\\&|JMS|RCF|||20261124153000||ADT^A03|C-23|P|2.3";
    ReleaseHandoff handoff = handoff(PrisonFixtures.er7(msh, EVN, PID, PV1, DG1));

    assertThat(handoff.identifiers().get(0).value()).isEqualTo("RCF-2024-00417");
    assertThat(handoff.releaseDate().date()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(handoff.dischargeDisposition().code()).isEqualTo("home");
    assertThat(handoff.conditions()).hasSize(1);
  }
}
