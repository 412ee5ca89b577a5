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
 * cut-off the scores use, or 47 and above).
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

  @Override
  public List<MeasureGroup> groups() {
    return List.of(
        MeasureGroup.proportion("improved", "denominator", "improved"),
        MeasureGroup.median("change", "denominator", "change"));
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
    List<MeasureCase> cases = new ArrayList<>();
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
          cases.add(
              new MeasureCase(
                  person,
                  populations,
                  Map.of("change", (double) change),
                  Map.of("baseline", baseline < CUT_OFF ? "below-47" : "47-or-above")));
        });
    return cases;
  }
}
