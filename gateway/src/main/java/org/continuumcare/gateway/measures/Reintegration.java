package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * M5 reintegration. Initial population = denominator: people with a housing or employment referral
 * Task (code fulfill, focus a ServiceRequest of category housing-instability or homelessness, resp.
 * employment-status, Gravity SDOHCC temporary codes) sent ({@code authoredOn}) in the period,
 * except draft and entered-in-error; one case per person, timed from the person's first such
 * referral of each kind. Housed: within 90 days (UTC dates, both ends included) of the first
 * housing referral, a housing-status Observation (LOINC 71802-3) whose answer is in the HUD
 * category permanent, or a version of a housing referral Task of the person with business status
 * placed-in-housing. Employed: within 180 days of the first employment referral, an
 * employment-status Observation (LOINC 67875-5) answering employed full or part time (LA30136-8,
 * LA30138-4) or a job placement outcome, or a version of an employment referral Task with business
 * status job-started. Reintegrated: housed or employed. Stratum: what the person was referred to.
 */
final class Reintegration implements OutcomeMeasure {

  static final String ID = "reintegration";
  static final String SDOHCC =
      "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
  static final Set<String> HOUSING = Set.of("housing-instability", "homelessness");
  static final String EMPLOYMENT = "employment-status";
  static final int HOUSING_DAYS = 90;
  static final int EMPLOYMENT_DAYS = 180;
  static final String HOUSING_STATUS = "71802-3";
  static final String EMPLOYMENT_STATUS = "67875-5";
  static final Set<String> EMPLOYED = Set.of("LA30136-8", "LA30138-4");
  private static final Set<String> NOT_SENT = Set.of("draft", "entered-in-error");
  private static final Set<String> RESULTED = Set.of("final", "amended", "corrected");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MeasureGroup> groups() {
    return List.of(
        MeasureGroup.proportion("reintegrated", "denominator", "reintegrated"),
        MeasureGroup.proportion("housed", "referred-housing", "housed"),
        MeasureGroup.proportion("employed", "referred-employment", "employed"));
  }

  @Override
  public List<String> stratifiers() {
    return List.of("referred-to");
  }

  /** A person's first referral of each kind and the days on which outcomes were seen. */
  private static final class Person {
    LocalDate housingSent;
    LocalDate employmentSent;
    final List<LocalDate> housed = new ArrayList<>();
    final List<LocalDate> employed = new ArrayList<>();
  }

  @Override
  public List<MeasureCase> cases(MeasurePeriod period, GatedReader reader) {
    SearchParameterMap sent = SearchParameterMap.newSynchronous();
    sent.add(
        Task.SP_AUTHORED_ON,
        new DateRangeParam(
            new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())),
            new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.until()))));
    List<Task> tasks =
        reader.search(Task.class, sent).stream()
            .filter(
                t -> t.getCode().getCoding().stream().anyMatch(c -> "fulfill".equals(c.getCode())))
            .filter(
                t -> "ServiceRequest".equals(t.getFocus().getReferenceElement().getResourceType()))
            .filter(t -> t.hasStatus() && !NOT_SENT.contains(t.getStatus().toCode()))
            .filter(t -> t.hasAuthoredOn() && period.contains(t.getAuthoredOn().toInstant()))
            .filter(t -> MoudContinuity.reference(t.getFor()) != null)
            .toList();
    if (tasks.isEmpty()) {
      return List.of();
    }
    Map<String, String> kinds = kinds(reader, tasks);
    Map<String, Person> people = new TreeMap<>();
    for (Task task : tasks) {
      String kind = kinds.get(MoudContinuity.reference(task.getFocus()));
      if (kind == null) {
        continue;
      }
      Person person =
          people.computeIfAbsent(MoudContinuity.reference(task.getFor()), p -> new Person());
      LocalDate day = task.getAuthoredOn().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
      if (kind.equals("housing")) {
        person.housingSent = earliest(person.housingSent, day);
      } else {
        person.employmentSent = earliest(person.employmentSent, day);
      }
    }
    if (people.isEmpty()) {
      return List.of();
    }
    outcomesFromTasks(reader, people);
    outcomesFromObservations(reader, period, people);
    List<MeasureCase> cases = new ArrayList<>();
    people.forEach(
        (subject, person) -> {
          Set<String> populations =
              new LinkedHashSet<>(List.of("initial-population", "denominator"));
          if (person.housingSent != null) {
            populations.add("referred-housing");
            if (within(person.housed, person.housingSent, HOUSING_DAYS)) {
              populations.add("housed");
            }
          }
          if (person.employmentSent != null) {
            populations.add("referred-employment");
            if (within(person.employed, person.employmentSent, EMPLOYMENT_DAYS)) {
              populations.add("employed");
            }
          }
          if (populations.contains("housed") || populations.contains("employed")) {
            populations.add("reintegrated");
          }
          String referredTo =
              person.housingSent != null && person.employmentSent != null
                  ? "housing-and-employment"
                  : person.housingSent != null ? "housing" : "employment";
          cases.add(
              new MeasureCase(subject, populations, Map.of(), Map.of("referred-to", referredTo)));
        });
    return cases;
  }

  /** housing or employment per referral ({@code ServiceRequest/x}) the caller may see. */
  private static Map<String, String> kinds(GatedReader reader, List<Task> tasks) {
    Map<String, String> kinds = new HashMap<>();
    List<String> ids =
        tasks.stream().map(t -> t.getFocus().getReferenceElement().getIdPart()).toList();
    for (ServiceRequest referral : ClosedLoopReferrals.Referrals.byId(reader, ids)) {
      String kind = kind(referral);
      if (kind != null) {
        kinds.put("ServiceRequest/" + referral.getIdElement().getIdPart(), kind);
      }
    }
    return kinds;
  }

  private static String kind(ServiceRequest referral) {
    for (var category : referral.getCategory()) {
      for (Coding code : category.getCoding()) {
        if (SDOHCC.equals(code.getSystem()) && HOUSING.contains(code.getCode())) {
          return "housing";
        }
        if (SDOHCC.equals(code.getSystem()) && EMPLOYMENT.equals(code.getCode())) {
          return "employment";
        }
      }
    }
    return null;
  }

  /**
   * Outcomes the referral Tasks' versions record: placed-in-housing on housing referrals,
   * job-started on employment referrals, of any Task of the person (not only those sent in the
   * period).
   */
  private static void outcomesFromTasks(GatedReader reader, Map<String, Person> people) {
    List<Task> versions =
        TaskVersions.forPeople(reader, people.keySet()).stream()
            .filter(t -> people.containsKey(MoudContinuity.reference(t.getFor())))
            .toList();
    Map<String, String> kinds = new HashMap<>();
    List<String> ids =
        versions.stream()
            .filter(
                t -> "ServiceRequest".equals(t.getFocus().getReferenceElement().getResourceType()))
            .map(t -> t.getFocus().getReferenceElement().getIdPart())
            .toList();
    for (ServiceRequest referral : ClosedLoopReferrals.Referrals.byId(reader, ids)) {
      String kind = kind(referral);
      if (kind != null) {
        kinds.put("ServiceRequest/" + referral.getIdElement().getIdPart(), kind);
      }
    }
    Map<String, String> personOf = new HashMap<>();
    versions.forEach(
        t -> personOf.put(t.getIdElement().getIdPart(), MoudContinuity.reference(t.getFor())));
    TaskTimeline timeline = TaskTimeline.of(versions);
    personOf.forEach(
        (taskId, subject) -> {
          TaskTimeline.Entry entry = timeline.of(taskId);
          String kind = kinds.get(entry.focus);
          Person person = people.get(subject);
          Instant placed = entry.businessStatus.get("placed-in-housing");
          if ("housing".equals(kind) && placed != null) {
            person.housed.add(placed.atZone(ZoneOffset.UTC).toLocalDate());
          }
          Instant started = entry.businessStatus.get("job-started");
          if ("employment".equals(kind) && started != null) {
            person.employed.add(started.atZone(ZoneOffset.UTC).toLocalDate());
          }
        });
  }

  /** Outcomes recorded as housing-status and employment-status Observations. */
  private static void outcomesFromObservations(
      GatedReader reader, MeasurePeriod period, Map<String, Person> people) {
    SearchParameterMap query = SearchParameterMap.newSynchronous();
    TokenOrListParam codes = new TokenOrListParam();
    codes.addOr(new TokenParam(ContinuumTerminology.LOINC, HOUSING_STATUS));
    codes.addOr(new TokenParam(ContinuumTerminology.LOINC, EMPLOYMENT_STATUS));
    query.add(Observation.SP_CODE, codes);
    query.add(
        Observation.SP_DATE,
        new DateParam(
            ParamPrefixEnum.GREATERTHAN_OR_EQUALS, period.start().minusDays(1).toString()));
    for (Observation observation : reader.search(Observation.class, query)) {
      Person person = people.get(MoudContinuity.reference(observation.getSubject()));
      LocalDate day = day(observation);
      if (person == null
          || day == null
          || !observation.hasStatus()
          || !RESULTED.contains(observation.getStatus().toCode())
          || !observation.hasValueCodeableConcept()) {
        continue;
      }
      List<Coding> answer = observation.getValueCodeableConcept().getCoding();
      boolean housingStatus = has(observation, HOUSING_STATUS);
      if (housingStatus
          && answer.stream()
              .anyMatch(
                  c ->
                      ContinuumTerminology.HOUSING_SITUATION_CATEGORY.equals(c.getSystem())
                          && "permanent".equals(c.getCode()))) {
        person.housed.add(day);
      }
      if (has(observation, EMPLOYMENT_STATUS)
          && answer.stream()
              .anyMatch(
                  c ->
                      (ContinuumTerminology.LOINC.equals(c.getSystem())
                              && EMPLOYED.contains(c.getCode()))
                          || (ContinuumTerminology.EMPLOYMENT_OUTCOME.equals(c.getSystem())
                              && c.hasCode()
                              && c.getCode().startsWith("job-placement")))) {
        person.employed.add(day);
      }
    }
  }

  private static boolean has(Observation observation, String loinc) {
    return observation.getCode().getCoding().stream()
        .anyMatch(
            c -> ContinuumTerminology.LOINC.equals(c.getSystem()) && loinc.equals(c.getCode()));
  }

  /** The UTC day of the Observation's effective date or dateTime (a date as written). */
  private static LocalDate day(Observation observation) {
    if (!observation.hasEffectiveDateTimeType()) {
      return null;
    }
    DateTimeType effective = observation.getEffectiveDateTimeType();
    if (effective.getValue() == null) {
      return null;
    }
    if (effective.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
      String text = effective.getValueAsString();
      return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
    }
    return effective.getValue().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static boolean within(List<LocalDate> days, LocalDate from, int window) {
    return days.stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(from.plusDays(window)));
  }

  private static LocalDate earliest(LocalDate current, LocalDate candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }
}
