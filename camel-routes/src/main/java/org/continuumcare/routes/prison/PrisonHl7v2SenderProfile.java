package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.continuumcare.routes.prison.Hl7v2Segments.Segment;
import org.continuumcare.routes.prison.ReleaseHandoff.Needs;
import org.hl7.fhir.r4.model.Coding;

/**
 * What an HL7 v2 sender says beyond the person, the release and the medications, so that it can say
 * what a JSON sender can (our v2 conformance profile, see the prison README): the receiving
 * provider (PV1-37 discharged to location), the needs at release (OBX {@code release-need}, coded
 * value translated through the ConceptMap {@code v2-release-need-to-handoff-need}) and the consent
 * on file (CON: type through {@code v2-0496-to-consent-category}, status through {@code
 * v2-0498-to-consent-state}, the stored Consent's id in CON-4). Pure; every fault names its segment
 * and field.
 */
final class PrisonHl7v2SenderProfile {

  /** OBX-3 identifier of an observation that names one need at release. */
  static final String RELEASE_NEED = "release-need";

  static final String V2_0496 = "http://terminology.hl7.org/CodeSystem/v2-0496";
  static final String V2_0498 = "http://terminology.hl7.org/CodeSystem/v2-0498";

  /**
   * Coding system name (PV1-37.1.3) that marks a discharged-to location as the Organization id of
   * the receiving provider.
   */
  static final String ORGANIZATION_SYSTEM = "CCORG";

  /** The ids a JSON handoff accepts for an Organization or a Consent. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

  private static final Set<String> CODED_TYPES = Set.of("CWE", "CE", "CNE");

  private final LocalConceptMap needMap;
  private final LocalConceptMap consentTypeMap;
  private final LocalConceptMap consentStatusMap;
  private final CodingSystemNames codingSystems;

  PrisonHl7v2SenderProfile(
      LocalConceptMap needMap,
      LocalConceptMap consentTypeMap,
      LocalConceptMap consentStatusMap,
      CodingSystemNames codingSystems) {
    this.needMap = Objects.requireNonNull(needMap, "needMap");
    this.consentTypeMap = Objects.requireNonNull(consentTypeMap, "consentTypeMap");
    this.consentStatusMap = Objects.requireNonNull(consentStatusMap, "consentStatusMap");
    this.codingSystems = Objects.requireNonNull(codingSystems, "codingSystems");
  }

  /** With the ConceptMaps shipped under {@code prison/conceptmaps/}. */
  static PrisonHl7v2SenderProfile load(FhirContext fhir, CodingSystemNames codingSystems) {
    return new PrisonHl7v2SenderProfile(
        LocalConceptMap.load(fhir, "v2-release-need-to-handoff-need"),
        LocalConceptMap.load(fhir, "v2-0496-to-consent-category"),
        LocalConceptMap.load(fhir, "v2-0498-to-consent-state"),
        codingSystems);
  }

  /**
   * The receiving provider's Organization id from PV1-37.1 (discharged to location) when its coding
   * system (PV1-37.1.3, the CWE form of DLD-1 in v2.7+) is {@value #ORGANIZATION_SYSTEM}, or empty:
   * any other discharge location (a home, a shelter, a site code of the sender's table 0113) is not
   * a provider.
   */
  Optional<String> receivingProvider(Segment pv1, List<Hl7v2Fault> faults) {
    if (!ORGANIZATION_SYSTEM.equalsIgnoreCase(
        String.valueOf(Hl7v2Segments.get(pv1, 37, 0, 1, 3)))) {
      return Optional.empty();
    }
    String location = Hl7v2Segments.get(pv1, 37, 0, 1, 1);
    if (location == null) {
      faults.add(
          new Hl7v2Fault(
              "PV1",
              1,
              37,
              1,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "discharged to location (PV1-37.1) names the receiving provider's Organization id"
                  + " before its coding system "
                  + ORGANIZATION_SYSTEM));
      return Optional.empty();
    }
    if (!FHIR_ID.matcher(location).matches()) {
      faults.add(
          new Hl7v2Fault(
              "PV1",
              1,
              37,
              1,
              Hl7ErrorCode.DATA_TYPE_ERROR,
              "discharged to location (PV1-37.1) must be the receiving provider's Organization id:"
                  + " 1 to 64 letters, digits, '.' or '-'"));
      return Optional.empty();
    }
    return Optional.of(location);
  }

  /**
   * The needs at release: every OBX whose OBX-3.1 is {@code release-need} names one in OBX-5 (a
   * coded value: code, text, coding system name). Other OBX segments are not read.
   */
  Needs needs(Hl7v2Segments segments, List<Hl7v2Fault> faults) {
    Set<String> needs = new HashSet<>();
    int sequence = 0;
    for (Segment obx : segments.all("OBX")) {
      sequence++;
      if (!RELEASE_NEED.equals(Hl7v2Segments.get(obx, 3, 1))) {
        continue;
      }
      String valueType = Hl7v2Segments.get(obx, 2, 1);
      if (valueType != null && !CODED_TYPES.contains(valueType)) {
        faults.add(
            new Hl7v2Fault(
                "OBX",
                sequence,
                2,
                0,
                Hl7ErrorCode.DATA_TYPE_ERROR,
                "a release-need observation has a coded value: OBX-2 CWE (or CE)"));
        continue;
      }
      String code = Hl7v2Segments.get(obx, 5, 1);
      if (code == null) {
        faults.add(
            new Hl7v2Fault(
                "OBX",
                sequence,
                5,
                1,
                Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                "a release-need observation names the need in OBX-5.1"));
        continue;
      }
      Optional<String> system = codingSystems.uri(Hl7v2Segments.get(obx, 5, 3));
      Optional<String> need = system.flatMap(s -> needMap.translate(s, code)).map(Coding::getCode);
      if (need.isEmpty()) {
        faults.add(
            new Hl7v2Fault(
                "OBX",
                sequence,
                5,
                0,
                Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                "unknown need at release: OBX-5 takes an SDOHCC code (coding system SDOHCC:"
                    + " housing-instability, homelessness, inadequate-housing, employment-status) or"
                    + " a referral category (CCREFCAT: peer-support)"));
        continue;
      }
      needs.add(need.get());
    }
    return new Needs(
        needs.contains("housing"), needs.contains("employment"), needs.contains("peerSupport"));
  }

  /**
   * The consent on file, as {@code Consent/<CON-4.1>}, or empty when the message has no CON. The
   * consent must be a release of information (CON-2 through v2-0496-to-consent-category) and active
   * (CON-11 through v2-0498-to-consent-state); a handoff cites one consent, so one CON.
   */
  Optional<String> consent(Hl7v2Segments segments, List<Hl7v2Fault> faults) {
    List<Segment> cons = segments.all("CON");
    if (cons.isEmpty()) {
      return Optional.empty();
    }
    for (int extra = 1; extra < cons.size(); extra++) {
      faults.add(
          new Hl7v2Fault(
              "CON",
              extra + 1,
              0,
              0,
              Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
              "a handoff cites one consent: one CON segment"));
    }
    Segment con = cons.get(0);
    int before = faults.size();
    String type = Hl7v2Segments.get(con, 2, 1);
    if (type == null) {
      faults.add(
          Hl7v2Fault.field(
              "CON",
              2,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "consent type (CON-2) is required: 001 (release of information)"));
    } else {
      String typeSystem = codingSystems.uri(Hl7v2Segments.get(con, 2, 3)).orElse(V2_0496);
      if (consentTypeMap.translate(typeSystem, type).isEmpty()) {
        faults.add(
            Hl7v2Fault.field(
                "CON",
                2,
                Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                "unknown consent type: a handoff cites a release-of-information consent"
                    + " (table 0496 code 001)"));
      }
    }
    String status = Hl7v2Segments.get(con, 11, 1);
    if (status == null) {
      faults.add(
          Hl7v2Fault.field(
              "CON",
              11,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "consent status (CON-11) is required"));
    } else {
      Optional<String> state = consentStatusMap.translate(V2_0498, status).map(Coding::getCode);
      if (state.isEmpty()) {
        faults.add(
            Hl7v2Fault.field(
                "CON",
                11,
                Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                "unknown consent status: table 0498 (A, L, P, R, X) without B"));
      } else if (!"active".equals(state.get())) {
        faults.add(
            Hl7v2Fault.field(
                "CON",
                11,
                Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                "a handoff cites an active consent (CON-11 A or L), not one that is "
                    + state.get()));
      }
    }
    String id = Hl7v2Segments.get(con, 4, 1);
    if (id == null) {
      faults.add(
          new Hl7v2Fault(
              "CON",
              1,
              4,
              1,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "consent form number (CON-4.1) is required: the id of the stored consent"));
    } else if (!FHIR_ID.matcher(id).matches()) {
      faults.add(
          new Hl7v2Fault(
              "CON",
              1,
              4,
              1,
              Hl7ErrorCode.DATA_TYPE_ERROR,
              "consent form number (CON-4.1) must be the stored Consent's id: 1 to 64 letters,"
                  + " digits, '.' or '-'"));
    }
    return faults.size() == before ? Optional.of("Consent/" + id) : Optional.empty();
  }
}
