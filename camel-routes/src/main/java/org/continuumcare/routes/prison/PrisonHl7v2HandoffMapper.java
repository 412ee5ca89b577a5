package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.routes.prison.Hl7v2Segments.Segment;
import org.continuumcare.routes.prison.ReleaseHandoff.Coded;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffCondition;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffMedication;
import org.continuumcare.routes.prison.ReleaseHandoff.LastDose;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonName;
import org.continuumcare.routes.prison.ReleaseHandoff.ReleaseDate;
import org.continuumcare.routes.prison.ReleaseHandoff.ReleaseFacility;
import org.continuumcare.routes.prison.ReleaseHandoff.SourceMessage;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Coding;

/**
 * Pure mapper from a parsed ADT^A03/A04/A08/A16 to a {@link ReleaseHandoff}: person from PID,
 * release date from PV1-45 (actual discharge), PV2-9 (expected discharge, unconfirmed) or, for A03,
 * EVN-6/EVN-2; release facility from PV1-3 or MSH-4; discharge disposition PV1-36 through the
 * ConceptMap hl7v2-discharge-disposition-to-fhir; release type from EVN-4 through
 * prison-release-reason-to-release-type; medications from RXO/RXE/RXD, their role from the code and
 * alternate code through medication-role (drug-name words only as fallback, see
 * MedicationClassifier), the last dose from RXA; conditions from DG1; receiving provider (PV1-37),
 * needs (OBX release-need) and consent (CON) through {@link PrisonHl7v2SenderProfile}. Every data
 * fault is collected and returned as one AE rejection.
 */
public final class PrisonHl7v2HandoffMapper {

  /** Where assigning authorities without an OID become identifier systems. */
  public static final String ASSIGNING_AUTHORITY_BASE =
      ContinuumTerminology.BASE + "/sid/v2-assigning-authority/";

  public static final String CONTENT_TYPE = "x-application/hl7-v2+er7";
  static final String V2_0001 = "http://terminology.hl7.org/CodeSystem/v2-0001";
  private static final Set<String> DAY_UNITS = Set.of("d", "day", "days");
  private static final Set<String> GIVEN = Set.of("CP", "PA");
  private static final BigDecimal UNKNOWN_AMOUNT = new BigDecimal("999");

  private final ConceptMapTranslator translator;
  private final LocalConceptMap genderMap;
  private final CodingSystemNames codingSystems;
  private final MedicationClassifier classifier;
  private final HandoffDefaults defaults;
  private final Clock clock;
  private final PrisonHl7v2SenderProfile profile;
  private final ZoneId senderZone;

  public PrisonHl7v2HandoffMapper(
      ConceptMapTranslator translator,
      LocalConceptMap genderMap,
      CodingSystemNames codingSystems,
      MedicationClassifier classifier,
      HandoffDefaults defaults,
      Clock clock) {
    this(
        translator,
        genderMap,
        codingSystems,
        classifier,
        defaults,
        clock,
        PrisonHl7v2SenderProfile.load(FhirContext.forR4Cached(), codingSystems),
        clock.getZone());
  }

  /**
   * @param profile reads the receiving provider, needs and consent (PV1-37, OBX, CON)
   * @param senderZone the time zone of date/times sent without an offset (RXA-3)
   */
  PrisonHl7v2HandoffMapper(
      ConceptMapTranslator translator,
      LocalConceptMap genderMap,
      CodingSystemNames codingSystems,
      MedicationClassifier classifier,
      HandoffDefaults defaults,
      Clock clock,
      PrisonHl7v2SenderProfile profile,
      ZoneId senderZone) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.senderZone = Objects.requireNonNull(senderZone, "senderZone");
    this.translator = Objects.requireNonNull(translator, "translator");
    this.genderMap = Objects.requireNonNull(genderMap, "genderMap");
    this.codingSystems = Objects.requireNonNull(codingSystems, "codingSystems");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Hl7v2Mapping map(Hl7v2ParseResult.Parsed parsed) {
    Hl7v2Segments segments = parsed.message();
    Hl7v2Header header = parsed.header();
    List<Hl7v2Fault> faults = new ArrayList<>();
    Segment msh = segments.first("MSH");
    Segment evn = segments.first("EVN");
    Segment pid = segments.first("PID");
    Segment pv1 = segments.first("PV1");
    Segment pv2 = segments.first("PV2");
    if (pid == null) {
      faults.add(
          Hl7v2Fault.segment(
              "PID",
              Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR,
              "required segment PID is missing (truncated message?)"));
      return new Hl7v2Mapping.Refused(HandoffRejection.error(faults));
    }
    String sendingFacility = Hl7v2Segments.get(msh, 4, 1);
    List<PersonIdentifier> identifiers = identifiers(pid, sendingFacility, faults);
    if (PrisonHl7v2Parser.WITHDRAWAL_EVENTS.contains(header.triggerEvent())) {
      return withdrawal(parsed, identifiers, pv1, pv2, faults);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate birthDate = date(pid, 7, faults, "birth date").orElse(null);
    if (birthDate != null && birthDate.isAfter(today)) {
      faults.add(
          Hl7v2Fault.field(
              "PID", 7, Hl7ErrorCode.DATA_TYPE_ERROR, "impossible birth date: in the future"));
    }
    ReleaseDate releaseDate = releaseDate(header.triggerEvent(), evn, pv1, pv2, faults);
    if (releaseDate != null && birthDate != null && releaseDate.date().isBefore(birthDate)) {
      faults.add(
          Hl7v2Fault.field(
              "PID",
              7,
              Hl7ErrorCode.DATA_TYPE_ERROR,
              "impossible dates: the release date precedes the birth date"));
    }
    List<HandoffMedication> medications = medications(segments, faults);
    List<HandoffCondition> conditions = conditions(segments, faults);
    String receivingProvider =
        profile.receivingProvider(pv1, faults).orElse(defaults.receivingProviderId());
    ReleaseHandoff.Needs needs = profile.needs(segments, faults);
    String consent = profile.consent(segments, faults).orElse(null);
    if (!faults.isEmpty()) {
      return new Hl7v2Mapping.Refused(HandoffRejection.error(faults));
    }
    String visitNumber = Hl7v2Segments.get(pv1, 19, 1);
    PersonIdentifier key = identifiers.get(0);
    String handoffKey =
        "hl7v2|"
            + key.system()
            + "|"
            + key.value()
            + "|"
            + (visitNumber != null ? "visit:" + visitNumber : "release:" + releaseDate.date());
    return new Hl7v2Mapping.Mapped(
        new ReleaseHandoff(
            handoffKey,
            identifiers,
            names(pid),
            birthDate,
            gender(pid),
            releaseDate,
            releaseType(evn),
            facility(pv1, sendingFacility),
            dischargeDisposition(pv1),
            medications,
            conditions,
            null,
            needs,
            receivingProvider,
            consent,
            new SourceMessage(CONTENT_TYPE, parsed.er7().getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * A cancel (A11/A12/A13/A25) names the handoff it withdraws as the handoff did: the first PID-3
   * identifier and the PV1-19 visit number, else its release date (PV1-45, else PV2-9).
   */
  private static Hl7v2Mapping withdrawal(
      Hl7v2ParseResult.Parsed parsed,
      List<PersonIdentifier> identifiers,
      Segment pv1,
      Segment pv2,
      List<Hl7v2Fault> faults) {
    String visitNumber = Hl7v2Segments.get(pv1, 19, 1);
    Optional<LocalDate> discharged = date(pv1, 45, faults, "discharge date/time");
    Optional<LocalDate> expected = date(pv2, 9, faults, "expected discharge date/time");
    Optional<LocalDate> releaseDate = discharged.or(() -> expected);
    if (visitNumber == null && releaseDate.isEmpty() && faults.isEmpty()) {
      faults.add(
          Hl7v2Fault.field(
              "PV1",
              19,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "a cancel names the handoff"
                  + " it withdraws by PV1-19 visit number (or the release date, PV1-45 or PV2-9) as it was sent"));
    }
    if (!faults.isEmpty()) {
      return new Hl7v2Mapping.Refused(HandoffRejection.error(faults));
    }
    PersonIdentifier key = identifiers.get(0);
    String handoffKey =
        "hl7v2|"
            + key.system()
            + "|"
            + key.value()
            + "|"
            + (visitNumber != null ? "visit:" + visitNumber : "release:" + releaseDate.get());
    return new Hl7v2Mapping.Withdraw(
        new HandoffWithdrawal(
            handoffKey,
            parsed.header().triggerEvent(),
            identifiers,
            new SourceMessage(CONTENT_TYPE, parsed.er7().getBytes(StandardCharsets.UTF_8))));
  }

  private List<PersonIdentifier> identifiers(
      Segment pid, String sendingFacility, List<Hl7v2Fault> faults) {
    List<PersonIdentifier> identifiers = new ArrayList<>();
    int repetitions = Hl7v2Segments.repetitions(pid, 3);
    boolean missingAuthority = false;
    for (int r = 0; r < repetitions; r++) {
      String value = Hl7v2Segments.get(pid, 3, r, 1, 1);
      if (value == null) {
        continue;
      }
      String system = identifierSystem(pid, r, sendingFacility);
      if (system == null) {
        missingAuthority = true;
        continue;
      }
      identifiers.add(new PersonIdentifier(system, value, Hl7v2Segments.get(pid, 3, r, 5, 1)));
    }
    if (identifiers.isEmpty()) {
      faults.add(
          missingAuthority
              ? new Hl7v2Fault(
                  "PID",
                  1,
                  3,
                  4,
                  Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                  "patient identifier has no assigning authority (PID-3.4, PID-3.6 or MSH-4)")
              : Hl7v2Fault.field(
                  "PID",
                  3,
                  Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                  "patient identifier list (PID-3) is required"));
    }
    return identifiers;
  }

  private static String identifierSystem(Segment pid, int repetition, String sendingFacility) {
    String universalId = Hl7v2Segments.get(pid, 3, repetition, 4, 2);
    String universalIdType = Hl7v2Segments.get(pid, 3, repetition, 4, 3);
    if (universalId != null && "ISO".equalsIgnoreCase(universalIdType)) {
      return "urn:oid:" + universalId;
    }
    String authority =
        firstNonNull(
            Hl7v2Segments.get(pid, 3, repetition, 4, 1),
            Hl7v2Segments.get(pid, 3, repetition, 6, 1),
            sendingFacility);
    return authority == null
        ? null
        : ASSIGNING_AUTHORITY_BASE + URLEncoder.encode(authority, StandardCharsets.UTF_8);
  }

  private static List<PersonName> names(Segment pid) {
    List<PersonName> names = new ArrayList<>();
    for (int r = 0; r < Hl7v2Segments.repetitions(pid, 5); r++) {
      String family = Hl7v2Segments.get(pid, 5, r, 1, 1);
      List<String> given = new ArrayList<>();
      addIfPresent(given, Hl7v2Segments.get(pid, 5, r, 2, 1));
      addIfPresent(given, Hl7v2Segments.get(pid, 5, r, 3, 1));
      if (family != null || !given.isEmpty()) {
        names.add(new PersonName(family, given));
      }
    }
    return names;
  }

  private String gender(Segment pid) {
    String sex = Hl7v2Segments.get(pid, 8, 1);
    return sex == null
        ? null
        : genderMap
            .translate(V2_0001, sex.toUpperCase(Locale.ROOT))
            .map(Coding::getCode)
            .orElse("unknown");
  }

  private static ReleaseDate releaseDate(
      String trigger, Segment evn, Segment pv1, Segment pv2, List<Hl7v2Fault> faults) {
    Optional<LocalDate> discharged = date(pv1, 45, faults, "discharge date/time");
    Optional<LocalDate> expected = date(pv2, 9, faults, "expected discharge date/time");
    Optional<LocalDate> occurred = date(evn, 6, faults, "event occurred date/time");
    Optional<LocalDate> recorded = date(evn, 2, faults, "recorded date/time");
    if (discharged.isPresent()) {
      return new ReleaseDate(discharged.get(), true, null, null);
    }
    if ("A03".equals(trigger)) {
      Optional<LocalDate> event = occurred.or(() -> recorded);
      if (event.isPresent()) {
        return new ReleaseDate(event.get(), true, null, null);
      }
    } else if (expected.isPresent()) {
      return new ReleaseDate(expected.get(), false, null, null);
    }
    if (faults.isEmpty()) {
      faults.add(
          "A03".equals(trigger)
              ? Hl7v2Fault.field(
                  "PV1",
                  45,
                  Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                  "no release date: PV1-45 discharge date/time or EVN-2/EVN-6 is required")
              : Hl7v2Fault.field(
                  "PV2",
                  9,
                  Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                  "no release date: a pre-release "
                      + trigger
                      + " needs PV2-9 expected discharge date/time (or PV1-45)"));
    }
    return null;
  }

  private String releaseType(Segment evn) {
    String reason = Hl7v2Segments.get(evn, 4, 1);
    if (reason == null) {
      return "other";
    }
    return translator
        .translate(
            ContinuumTerminology.PRISON_RELEASE_REASON_TO_RELEASE_TYPE,
            ContinuumTerminology.PRISON_RELEASE_REASON,
            reason)
        .map(t -> t.code())
        .orElse("other");
  }

  private static ReleaseFacility facility(Segment pv1, String sendingFacility) {
    String location = Hl7v2Segments.get(pv1, 3, 0, 4, 1);
    if (location == null && sendingFacility == null) {
      return null;
    }
    return new ReleaseFacility(sendingFacility, location != null ? location : sendingFacility);
  }

  private Coded dischargeDisposition(Segment pv1) {
    String code = Hl7v2Segments.get(pv1, 36, 1);
    if (code == null) {
      return null;
    }
    return translator
        .translate(
            ContinuumTerminology.V2_DISCHARGE_DISPOSITION_TO_FHIR,
            ContinuumTerminology.V2_0112,
            code)
        .map(t -> new Coded(t.system(), t.code(), t.display()))
        .orElse(new Coded(ContinuumTerminology.V2_0112, code, null));
  }

  private List<HandoffMedication> medications(Hl7v2Segments segments, List<Hl7v2Fault> faults) {
    Map<String, HandoffMedication> byDrug = new LinkedHashMap<>();
    for (String id : List.of("RXO", "RXE", "RXD", "RXA")) {
      int codeField = "RXO".equals(id) ? 1 : "RXA".equals(id) ? 5 : 2;
      int sequence = 0;
      for (Segment segment : segments.all(id)) {
        sequence++;
        if ("RXA".equals(id) && !givenDose(segment)) {
          continue;
        }
        Coded code = coded(segment, codeField);
        if (code == null) {
          faults.add(
              new Hl7v2Fault(
                  id,
                  sequence,
                  codeField,
                  0,
                  Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                  "medication code or name is required"));
          continue;
        }
        Integer supplyDays =
            "RXE".equals(id)
                ? days(segment, 10, 11)
                : "RXD".equals(id) ? days(segment, 4, 5) : null;
        LocalDate start =
            "RXD".equals(id)
                ? dateAt(segment, id, sequence, 3, faults, "date/time dispensed")
                : null;
        String dosage =
            "RXE".equals(id)
                ? firstNonNull(Hl7v2Segments.get(segment, 7, 2), Hl7v2Segments.get(segment, 7, 1))
                : null;
        LastDose lastDose = "RXA".equals(id) ? lastDose(segment, sequence, faults) : null;
        String drugKey =
            code.code() != null ? code.system() + "|" + code.code() : "text|" + code.display();
        HandoffMedication previous = byDrug.get(drugKey);
        MedicationRole role =
            classifier
                .classify(Arrays.asList(code, alternateCoded(segment, codeField)), code.display())
                .role();
        HandoffMedication merged =
            new HandoffMedication(
                role,
                code,
                code.display(),
                previous != null && previous.dosage() != null ? previous.dosage() : dosage,
                supplyDays != null
                    ? supplyDays
                    : previous == null ? null : previous.supplyAtReleaseDays(),
                start != null ? start : previous == null ? null : previous.startDate(),
                later(previous == null ? null : previous.lastDose(), lastDose));
        byDrug.put(drugKey, merged);
      }
    }
    return new ArrayList<>(byDrug.values());
  }

  /**
   * Whether an RXA records a dose given: RXA-20 completion status CP (complete), PA (partially
   * administered) or empty; RE (refused) and NA (not administered) are no dose; RXA-21 action code
   * D (delete) withdraws the record.
   */
  private static boolean givenDose(Segment rxa) {
    String completion = Hl7v2Segments.get(rxa, 20, 1);
    String action = Hl7v2Segments.get(rxa, 21, 1);
    return (completion == null || GIVEN.contains(completion.toUpperCase(Locale.ROOT)))
        && !"D".equalsIgnoreCase(action);
  }

  /**
   * The dose an RXA records: RXA-3 date/time start of administration (to the minute; the sender's
   * zone when it has no offset), RXA-6 administered amount, RXA-7 administered units (code, else
   * text).
   */
  private LastDose lastDose(Segment rxa, int sequence, List<Hl7v2Fault> faults) {
    OffsetDateTime at;
    try {
      at = Hl7v2DateTime.dateTime(Hl7v2Segments.get(rxa, 3, 1), senderZone).orElse(null);
    } catch (DateTimeException e) {
      faults.add(
          new Hl7v2Fault(
              "RXA",
              sequence,
              3,
              0,
              Hl7ErrorCode.DATA_TYPE_ERROR,
              "impossible or malformed date/time start of administration: " + e.getMessage()));
      return null;
    }
    if (at == null) {
      faults.add(
          new Hl7v2Fault(
              "RXA",
              sequence,
              3,
              0,
              Hl7ErrorCode.REQUIRED_FIELD_MISSING,
              "date/time start of administration (RXA-3) is required"));
      return null;
    }
    if (at.toInstant().isAfter(clock.instant())) {
      faults.add(
          new Hl7v2Fault(
              "RXA",
              sequence,
              3,
              0,
              Hl7ErrorCode.DATA_TYPE_ERROR,
              "impossible date/time start of administration: in the future"));
      return null;
    }
    String amountText = Hl7v2Segments.get(rxa, 6, 1);
    BigDecimal amount = null;
    if (amountText != null) {
      try {
        amount = new BigDecimal(amountText.trim());
      } catch (NumberFormatException e) {
        faults.add(
            new Hl7v2Fault(
                "RXA",
                sequence,
                6,
                0,
                Hl7ErrorCode.DATA_TYPE_ERROR,
                "administered amount (RXA-6) is not a number (NM)"));
        return null;
      }
      if (amount.signum() <= 0 || amount.compareTo(UNKNOWN_AMOUNT) == 0) {
        // HL7: 999 when the amount is unknown; a dose is never zero or negative.
        amount = null;
      }
    }
    String unit =
        amount == null
            ? null
            : firstNonNull(Hl7v2Segments.get(rxa, 7, 1), Hl7v2Segments.get(rxa, 7, 2));
    return new LastDose(at, amount, unit);
  }

  private static LastDose later(LastDose previous, LastDose next) {
    if (previous == null) {
      return next;
    }
    if (next == null) {
      return previous;
    }
    return next.at().toInstant().isBefore(previous.at().toInstant()) ? previous : next;
  }

  private List<HandoffCondition> conditions(Hl7v2Segments segments, List<Hl7v2Fault> faults) {
    List<HandoffCondition> conditions = new ArrayList<>();
    int sequence = 0;
    for (Segment dg1 : segments.all("DG1")) {
      sequence++;
      Coded code = coded(dg1, 3);
      String description = Hl7v2Segments.get(dg1, 4, 1);
      LocalDate onset = dateAt(dg1, "DG1", sequence, 5, faults, "diagnosis date/time");
      if (code == null && description == null) {
        faults.add(
            new Hl7v2Fault(
                "DG1",
                sequence,
                3,
                0,
                Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                "diagnosis code (DG1-3) or description (DG1-4) is required"));
        continue;
      }
      conditions.add(
          new HandoffCondition(
              code, firstNonNull(description, code == null ? null : code.display()), onset));
    }
    return conditions;
  }

  private Coded coded(Segment segment, int field) {
    String id = Hl7v2Segments.get(segment, field, 1);
    String text = Hl7v2Segments.get(segment, field, 2);
    if (id == null && text == null) {
      return null;
    }
    String system = codingSystems.uri(Hl7v2Segments.get(segment, field, 3)).orElse(null);
    return new Coded(system, id, text);
  }

  /**
   * The alternate identifier of a CWE/CE (components 4-6), e.g. an RxNorm code next to a local one;
   * or null.
   */
  private Coded alternateCoded(Segment segment, int field) {
    String id = Hl7v2Segments.get(segment, field, 4);
    if (id == null) {
      return null;
    }
    String system = codingSystems.uri(Hl7v2Segments.get(segment, field, 6)).orElse(null);
    return new Coded(system, id, Hl7v2Segments.get(segment, field, 5));
  }

  private static Integer days(Segment segment, int amountField, int unitsField) {
    String amount = Hl7v2Segments.get(segment, amountField, 1);
    String units =
        firstNonNull(
            Hl7v2Segments.get(segment, unitsField, 1), Hl7v2Segments.get(segment, unitsField, 2));
    if (amount == null || units == null || !DAY_UNITS.contains(units.toLowerCase(Locale.ROOT))) {
      return null;
    }
    try {
      return (int) Math.round(Double.parseDouble(amount));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Optional<LocalDate> date(
      Segment segment, int field, List<Hl7v2Fault> faults, String what) {
    if (segment == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(dateAt(segment, segment.getName(), 1, field, faults, what));
  }

  private static LocalDate dateAt(
      Segment segment, String id, int sequence, int field, List<Hl7v2Fault> faults, String what) {
    String value = Hl7v2Segments.get(segment, field, 1);
    try {
      return Hl7v2DateTime.date(value).orElse(null);
    } catch (DateTimeException e) {
      faults.add(
          new Hl7v2Fault(
              id,
              sequence,
              field,
              0,
              Hl7ErrorCode.DATA_TYPE_ERROR,
              "impossible or malformed " + what + ": " + e.getMessage()));
      return null;
    }
  }

  private static void addIfPresent(List<String> list, String value) {
    if (value != null) {
      list.add(value);
    }
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
