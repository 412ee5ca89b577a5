package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.continuumcare.terminology.ContinuumTerminology;
import org.continuumcare.terminology.ValueSetMembership;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * M4 continuity of MOUD after release. Initial population = denominator: release handoffs (as in
 * {@link HandoffTimeliness}) with a release day in the period whose medications section holds a
 * MOUD MedicationStatement or MedicationRequest (a code in the terminology package's ValueSet
 * sud-medications, not entered-in-error, not-taken, stopped or cancelled). Numerator: MOUD
 * continued in the community by the end of the 14th day after release: (a) a Task of a
 * moud-continuation referral of the person was first accepted from 90 days before the release day
 * to the end of day 14 after it, or (b) a MOUD MedicationRequest (authoredOn) or
 * MedicationStatement (effective start, else dateAsserted) of the person, not in the handoff, from
 * a source other than the releasing facility (the handoff's authors and custodian), dated on the
 * release day or the 14 days after. Strata: release type and receiving provider.
 */
final class MoudContinuity implements OutcomeMeasure {

  static final String ID = "moud-continuity";
  static final int DAYS_AFTER = 14;
  static final int DAYS_BEFORE = 90;
  private static final Set<String> ISSUED = Set.of("final", "amended");
  private static final Set<String> NOT_TAKEN =
      Set.of("entered-in-error", "not-taken", "stopped", "cancelled");

  private final ValueSetMembership valueSets;

  MoudContinuity(ValueSetMembership valueSets) {
    this.valueSets = valueSets;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MeasureGroup> groups() {
    return List.of(
        MeasureGroup.proportion("moud-continued", "denominator", "continued"),
        MeasureGroup.proportion("continued-by-referral", "denominator", "by-referral"),
        MeasureGroup.proportion("continued-by-medication", "denominator", "by-medication"));
  }

  @Override
  public List<String> stratifiers() {
    return List.of("release-type", "provider");
  }

  /** One MOUD record: its subject, id, source and date. */
  private record Moud(String subject, String id, String source, Instant at) {}

  @Override
  public List<MeasureCase> cases(MeasurePeriod period, GatedReader reader) {
    SearchParameterMap handoffs = SearchParameterMap.newSynchronous();
    handoffs.add(Composition.SP_TYPE, new TokenParam("http://loinc.org", "18761-7"));
    List<Composition> released = new ArrayList<>();
    for (Composition handoff : reader.search(Composition.class, handoffs)) {
      if (handoff.hasStatus()
          && ISSUED.contains(handoff.getStatus().toCode())
          && handoff.getSubject().hasReference()
          && period.contains(HandoffTimeliness.releaseDate(handoff))) {
        released.add(handoff);
      }
    }
    if (released.isEmpty()) {
      return List.of();
    }
    List<String> people = released.stream().map(MoudContinuity::subject).distinct().toList();
    Map<String, List<Moud>> moud = new HashMap<>();
    for (MedicationStatement statement :
        bySubject(reader, MedicationStatement.class, MedicationStatement.SP_SUBJECT, people)) {
      if (statement.hasStatus()
          && !NOT_TAKEN.contains(statement.getStatus().toCode())
          && statement.hasMedicationCodeableConcept()
          && isMoud(statement.getMedicationCodeableConcept())) {
        Instant at =
            statement.hasEffectivePeriod() && statement.getEffectivePeriod().hasStart()
                ? instant(statement.getEffectivePeriod().getStartElement())
                : statement.hasEffectiveDateTimeType()
                    ? instant(statement.getEffectiveDateTimeType())
                    : statement.hasDateAsserted() ? statement.getDateAsserted().toInstant() : null;
        add(moud, statement, statement.getSubject(), statement.getInformationSource(), at);
      }
    }
    for (MedicationRequest request :
        bySubject(reader, MedicationRequest.class, MedicationRequest.SP_SUBJECT, people)) {
      if (request.hasStatus()
          && !NOT_TAKEN.contains(request.getStatus().toCode())
          && request.hasMedicationCodeableConcept()
          && isMoud(request.getMedicationCodeableConcept())) {
        add(
            moud,
            request,
            request.getSubject(),
            request.getRequester(),
            request.hasAuthoredOn() ? request.getAuthoredOn().toInstant() : null);
      }
    }
    SearchParameterMap moudReferrals = SearchParameterMap.newSynchronous();
    moudReferrals.add(
        ServiceRequest.SP_CATEGORY,
        new TokenParam(ContinuumTerminology.REFERRAL_CATEGORY, "moud-continuation"));
    Map<String, List<String>> referralsOf = new HashMap<>();
    Set<String> peopleSet = Set.copyOf(people);
    for (ServiceRequest referral : reader.search(ServiceRequest.class, moudReferrals)) {
      String person = reference(referral.getSubject());
      if (peopleSet.contains(person)) {
        referralsOf
            .computeIfAbsent(person, p -> new ArrayList<>())
            .add("ServiceRequest/" + referral.getIdElement().getIdPart());
      }
    }
    TaskTimeline timeline =
        TaskTimeline.of(
            TaskVersions.focusedOn(
                reader, referralsOf.values().stream().flatMap(List::stream).toList()));
    List<MeasureCase> cases = new ArrayList<>();
    for (Composition handoff : released) {
      String person = subject(handoff);
      Set<String> inHandoff = new LinkedHashSet<>();
      Set<String> releasing = new LinkedHashSet<>();
      handoff.getAuthor().forEach(a -> releasing.add(reference(a)));
      releasing.add(reference(handoff.getCustodian()));
      for (Composition.SectionComponent section : handoff.getSection()) {
        if (section.getCode().getCoding().stream().anyMatch(c -> "10160-0".equals(c.getCode()))) {
          section.getEntry().forEach(e -> inHandoff.add(reference(e)));
        }
      }
      List<Moud> records = moud.getOrDefault(person, List.of());
      if (records.stream().noneMatch(m -> inHandoff.contains(m.id()))) {
        continue;
      }
      Instant releaseStart =
          HandoffTimeliness.releaseDate(handoff).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant windowEnd = releaseStart.plus(Duration.ofDays(DAYS_AFTER + 1));
      Instant windowStart = releaseStart.minus(Duration.ofDays(DAYS_BEFORE));
      Set<String> populations = new LinkedHashSet<>(List.of("initial-population", "denominator"));
      for (String referral : referralsOf.getOrDefault(person, List.of())) {
        for (TaskTimeline.Entry task : timeline.forReferral(referral).values()) {
          if (task.accepted != null
              && !task.accepted.isBefore(windowStart)
              && task.accepted.isBefore(windowEnd)) {
            populations.add("by-referral");
          }
        }
      }
      for (Moud record : records) {
        if (!inHandoff.contains(record.id())
            && record.source() != null
            && !releasing.contains(record.source())
            && record.at() != null
            && !record.at().isBefore(releaseStart)
            && record.at().isBefore(windowEnd)) {
          populations.add("by-medication");
        }
      }
      if (populations.contains("by-referral") || populations.contains("by-medication")) {
        populations.add("continued");
      }
      cases.add(
          new MeasureCase(
              person,
              populations,
              Map.of(),
              Map.of(
                  "release-type",
                  HandoffTimeliness.releaseType(handoff),
                  "provider",
                  HandoffTimeliness.provider(handoff))));
    }
    return cases;
  }

  /** The instant of a dateTime; a date (or coarser) is taken as 00:00 UTC of its first day. */
  static Instant instant(BaseDateTimeType value) {
    if (value == null || value.getValue() == null) {
      return null;
    }
    if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
      String text = value.getValueAsString();
      String day =
          text.length() >= 10
              ? text.substring(0, 10)
              : text.length() == 7 ? text + "-01" : text + "-01-01";
      return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return value.getValue().toInstant();
  }

  private boolean isMoud(CodeableConcept medication) {
    return medication.getCoding().stream()
        .anyMatch(
            c ->
                valueSets.contains(
                    ContinuumTerminology.SUD_MEDICATIONS, c.getSystem(), c.getCode()));
  }

  private static void add(
      Map<String, List<Moud>> moud,
      IBaseResource resource,
      Reference subject,
      Reference source,
      Instant at) {
    String person = reference(subject);
    if (person == null) {
      return;
    }
    moud.computeIfAbsent(person, p -> new ArrayList<>())
        .add(
            new Moud(
                person,
                resource.fhirType() + "/" + resource.getIdElement().getIdPart(),
                reference(source),
                at));
  }

  /** The resources of {@code type} whose subject is one of {@code people}, 500 at a time. */
  static <T extends IBaseResource> List<T> bySubject(
      GatedReader reader, Class<T> type, String parameter, List<String> people) {
    List<T> found = new ArrayList<>();
    for (int from = 0; from < people.size(); from += 500) {
      ReferenceOrListParam chunk = new ReferenceOrListParam();
      people.subList(from, Math.min(people.size(), from + 500)).stream()
          .map(ReferenceParam::new)
          .forEach(chunk::addOr);
      SearchParameterMap query = SearchParameterMap.newSynchronous();
      query.add(parameter, chunk);
      found.addAll(reader.search(type, query));
    }
    return found;
  }

  private static String subject(Composition handoff) {
    return reference(handoff.getSubject());
  }

  static String reference(Reference reference) {
    return reference != null && reference.hasReference()
        ? reference.getReferenceElement().toUnqualifiedVersionless().getValue()
        : null;
  }
}
