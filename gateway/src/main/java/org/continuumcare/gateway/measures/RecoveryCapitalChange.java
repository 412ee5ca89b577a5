package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Observation;

/**
 * M1 recovery-capital change. Initial population = denominator: people with two or more BARC-10
 * totals (final, amended or corrected) dated in the period whose first and last in the period are
 * at least 60 days apart. Numerator: last minus first is at least {@link #THRESHOLD} points.
 * Median: the change (last minus first). Stratum: baseline (first total below 47, the BARC-10
 * cut-off the scores use, or 47 and above). Per domain of the 8-domain assessment, a median over
 * its own population: people with two or more strengths of that domain in the period at least 60
 * days apart, the change being last minus first (stratum no-barc-10 for people with no BARC-10
 * change).
 */
final class RecoveryCapitalChange implements OutcomeMeasure {

  static final String ID = "recovery-capital-change";
  static final String SCORE_TYPE =
      "https://continuumcare.org/fhir/CodeSystem/recovery-capital-score-type";

  /**
   * Points of BARC-10 total (range 10-60) that count as improvement: a documented choice, see the
   * Measure.
   */
  static final int THRESHOLD = 5;

  static final int CUT_OFF = 47;
  static final Duration APART = Duration.ofDays(60);
  private static final Set<String> RESULTED = Set.of("final", "amended", "corrected");

  @Override
  public String id() {
    return ID;
  }

  /** The eight domains of the 8-domain assessment (CodeSystem recovery-capital-domain). */
  static final List<String> DOMAINS =
      List.of(
          "physical-mental-health",
          "family-social-leisure",
          "safe-housing",
          "peer-support",
          "employment-legal",
          "vocational-education",
          "community-culture",
          "meaning-purpose");

  static final String DOMAIN_SYSTEM =
      "https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain";

  @Override
  public List<MeasureGroup> groups() {
    List<MeasureGroup> groups = new ArrayList<>();
    groups.add(MeasureGroup.proportion("improved", "denominator", "improved"));
    groups.add(MeasureGroup.median("change", "denominator", "change"));
    for (String domain : DOMAINS) {
      groups.add(
          MeasureGroup.medianOwn("change-" + domain, "domain-" + domain, "change-" + domain));
    }
    return groups;
  }

  @Override
  public List<String> stratifiers() {
    return List.of("baseline");
  }

  @Override
  public List<MeasureCase> cases(MeasurePeriod period, GatedReader reader) {
    SearchParameterMap totals = SearchParameterMap.newSynchronous();
    totals.add(Observation.SP_CODE, new TokenParam(SCORE_TYPE, "barc-10-total"));
    totals.add(
        Observation.SP_DATE,
        new DateRangeParam(
            new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())),
            new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.until()))));
    Map<String, List<Observation>> byPerson = new TreeMap<>();
    for (Observation total : reader.search(Observation.class, totals)) {
      if (total.hasStatus()
          && RESULTED.contains(total.getStatus().toCode())
          && total.hasEffectiveDateTimeType()
          && total.hasValueIntegerType()
          && total.getSubject().hasReference()
          && period.contains(total.getEffectiveDateTimeType().getValue().toInstant())) {
        byPerson
            .computeIfAbsent(
                total.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue(),
                p -> new ArrayList<>())
            .add(total);
      }
    }
    Map<String, Map<String, Double>> domainChanges = domainChanges(period, reader);
    List<MeasureCase> cases = new ArrayList<>();
    Set<String> counted = new java.util.HashSet<>();
    byPerson.forEach(
        (person, scores) -> {
          scores.sort(
              Comparator.comparing((Observation o) -> o.getEffectiveDateTimeType().getValue())
                  .thenComparing(o -> o.getIdElement().getIdPart()));
          Observation first = scores.get(0);
          Observation last = scores.get(scores.size() - 1);
          if (scores.size() < 2
              || Duration.between(
                          first.getEffectiveDateTimeType().getValue().toInstant(),
                          last.getEffectiveDateTimeType().getValue().toInstant())
                      .compareTo(APART)
                  < 0) {
            return;
          }
          int baseline = first.getValueIntegerType().getValue();
          int change = last.getValueIntegerType().getValue() - baseline;
          Set<String> populations =
              new LinkedHashSet<>(List.of("initial-population", "denominator"));
          if (change >= THRESHOLD) {
            populations.add("improved");
          }
          Map<String, Double> observations = new HashMap<>();
          observations.put("change", (double) change);
          Map<String, Double> domains = domainChanges.getOrDefault(person, Map.of());
          domains.forEach(
              (domain, value) -> {
                populations.add("domain-" + domain);
                observations.put("change-" + domain, value);
              });
          counted.add(person);
          cases.add(
              new MeasureCase(
                  person,
                  populations,
                  observations,
                  Map.of("baseline", baseline < CUT_OFF ? "below-47" : "47-or-above")));
        });
    domainChanges.forEach(
        (person, domains) -> {
          if (counted.contains(person)) {
            return;
          }
          Set<String> populations = new LinkedHashSet<>();
          Map<String, Double> observations = new HashMap<>();
          domains.forEach(
              (domain, value) -> {
                populations.add("domain-" + domain);
                observations.put("change-" + domain, value);
              });
          cases.add(
              new MeasureCase(person, populations, observations, Map.of("baseline", "no-barc-10")));
        });
    return cases;
  }

  /**
   * Per person and domain, the last minus the first 8-domain strength (score type
   * rc-8-domain-strength, domain in Observation.category) in the period, where the two are at least
   * 60 days apart.
   */
  private static Map<String, Map<String, Double>> domainChanges(
      MeasurePeriod period, GatedReader reader) {
    SearchParameterMap strengths = SearchParameterMap.newSynchronous();
    strengths.add(Observation.SP_CODE, new TokenParam(SCORE_TYPE, "rc-8-domain-strength"));
    strengths.add(
        Observation.SP_DATE,
        new DateRangeParam(
            new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(period.from())),
            new DateParam(ParamPrefixEnum.LESSTHAN, Date.from(period.until()))));
    Map<String, Map<String, List<Observation>>> byPerson = new TreeMap<>();
    for (Observation strength : reader.search(Observation.class, strengths)) {
      String domain =
          strength.getCategory().stream()
              .flatMap(c -> c.getCoding().stream())
              .filter(c -> DOMAIN_SYSTEM.equals(c.getSystem()) && DOMAINS.contains(c.getCode()))
              .map(c -> c.getCode())
              .findFirst()
              .orElse(null);
      if (domain != null
          && strength.hasStatus()
          && RESULTED.contains(strength.getStatus().toCode())
          && strength.hasEffectiveDateTimeType()
          && strength.hasValueIntegerType()
          && strength.getSubject().hasReference()
          && period.contains(strength.getEffectiveDateTimeType().getValue().toInstant())) {
        byPerson
            .computeIfAbsent(
                strength.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue(),
                p -> new TreeMap<>())
            .computeIfAbsent(domain, d -> new ArrayList<>())
            .add(strength);
      }
    }
    Map<String, Map<String, Double>> changes = new TreeMap<>();
    byPerson.forEach(
        (person, domains) ->
            domains.forEach(
                (domain, values) -> {
                  values.sort(
                      Comparator.comparing(
                              (Observation o) -> o.getEffectiveDateTimeType().getValue())
                          .thenComparing(o -> o.getIdElement().getIdPart()));
                  Observation first = values.get(0);
                  Observation last = values.get(values.size() - 1);
                  if (values.size() >= 2
                      && Duration.between(
                                  first.getEffectiveDateTimeType().getValue().toInstant(),
                                  last.getEffectiveDateTimeType().getValue().toInstant())
                              .compareTo(APART)
                          >= 0) {
                    changes
                        .computeIfAbsent(person, p -> new TreeMap<>())
                        .put(
                            domain,
                            (double)
                                (last.getValueIntegerType().getValue()
                                    - first.getValueIntegerType().getValue()));
                  }
                }));
    return changes;
  }
}
