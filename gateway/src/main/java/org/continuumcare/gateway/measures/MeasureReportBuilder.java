package org.continuumcare.gateway.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupPopulationComponent;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.StratifierGroupPopulationComponent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds a MeasureReport from evaluated cases (pure). Proportions: initial-population, denominator
 * and numerator counts, score numerator/denominator (4 decimals). Medians: initial-population and
 * measure-population counts, score the median observation (3 decimals). Every group is stratified
 * by each stratifier, one stratum per value (sorted). Suppression: a count from 1 to {@link
 * #SUPPRESS_AT_MOST} is left out and marked {@code data-absent-reason = masked}, and so is a score
 * computed from a suppressed count; within a stratifier, a population with a single masked stratum
 * also masks its smallest other count (complementary suppression, see {@link #hidden}). A subject
 * list names, per population of each group (not of its strata), the Patients in it, as a contained
 * List.
 */
final class MeasureReportBuilder {

  static final int SUPPRESS_AT_MOST = 10;
  static final String DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
  static final String POPULATION_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/measure-population";
  static final String GROUP_SYSTEM = "https://continuumcare.org/fhir/CodeSystem/measure-group";
  static final String STRATIFIER_SYSTEM =
      "https://continuumcare.org/fhir/CodeSystem/measure-stratifier";

  private final boolean suppress;
  private final boolean subjectList;

  MeasureReportBuilder(boolean suppress, boolean subjectList) {
    this.suppress = suppress;
    this.subjectList = subjectList;
  }

  MeasureReport build(
      String measureUrl,
      MeasureReport.MeasureReportType type,
      MeasurePeriod period,
      OutcomeMeasure measure,
      List<MeasureCase> allCases,
      Date now) {
    MeasureReport report = new MeasureReport();
    report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
    report.setType(type);
    report.setMeasure(measureUrl);
    report.setDate(now);
    report.setPeriod(
        new Period()
            .setStartElement(new org.hl7.fhir.r4.model.DateTimeType(period.start().toString()))
            .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(period.end().toString())));
    for (MeasureGroup spec : measure.groups()) {
      MeasureReportGroupComponent group = report.addGroup();
      group.setCode(new CodeableConcept(new Coding(GROUP_SYSTEM, spec.code(), null)));
      // Only the cases of the group's own initial population count in it and its strata.
      List<MeasureCase> cases = filter(allCases, c -> c.in(spec.initial()));
      List<Cell> cells = cells(spec, cases);
      boolean masked = false;
      for (Cell cell : cells) {
        MeasureReportGroupPopulationComponent population =
            group
                .addPopulation()
                .setCode(new CodeableConcept(new Coding(POPULATION_SYSTEM, cell.code, null)));
        masked |= count(population, cell.cases.size());
        if (subjectList) {
          population.setSubjectResults(
              new Reference("#" + list(report, spec.code() + "-" + cell.code, cell.cases)));
        }
      }
      score(group, spec, cases, masked);
      List<String> stratifiers = new ArrayList<>(measure.stratifiers());
      stratifiers.addAll(spec.stratifiers());
      for (String stratifier : stratifiers) {
        MeasureReport.MeasureReportGroupStratifierComponent strata = group.addStratifier();
        strata.addCode(new CodeableConcept(new Coding(STRATIFIER_SYSTEM, stratifier, null)));
        TreeSet<String> values = new TreeSet<>();
        cases.forEach(c -> values.add(c.strata().getOrDefault(stratifier, "unknown")));
        List<List<MeasureCase>> members = new ArrayList<>();
        List<List<Cell>> cellsOf = new ArrayList<>();
        for (String value : values) {
          List<MeasureCase> in =
              cases.stream()
                  .filter(c -> value.equals(c.strata().getOrDefault(stratifier, "unknown")))
                  .toList();
          members.add(in);
          cellsOf.add(cells(spec, in));
        }
        Set<String> hidden = suppress ? hidden(cellsOf) : Set.of();
        int index = 0;
        for (String value : values) {
          StratifierGroupComponent stratum = strata.addStratum();
          stratum.setValue(new CodeableConcept().setText(value));
          boolean stratumMasked = false;
          for (Cell cell : cellsOf.get(index)) {
            StratifierGroupPopulationComponent population =
                stratum
                    .addPopulation()
                    .setCode(new CodeableConcept(new Coding(POPULATION_SYSTEM, cell.code, null)));
            if (hidden.contains(index + "|" + cell.code)) {
              population.addExtension(masked());
              stratumMasked = true;
            } else {
              population.setCount(cell.cases.size());
            }
          }
          Quantity score = score(spec, members.get(index));
          if (stratumMasked) {
            stratum.setMeasureScore(new Quantity()).getMeasureScore().addExtension(masked());
          } else if (score != null) {
            stratum.setMeasureScore(score);
          }
          index++;
        }
      }
    }
    return report;
  }

  private record Cell(String code, List<MeasureCase> cases) {}

  /**
   * The stratum cells to mask ({@code "[stratum index]|[population code]"}): every count from 1 to
   * {@link #SUPPRESS_AT_MOST} and, complementary suppression, where a population has exactly one
   * such cell among a stratifier's strata, also its smallest count above that (the first in stratum
   * order), so the masked cell cannot be worked out as the group's count minus the others.
   */
  static Set<String> hidden(List<List<Cell>> strata) {
    Set<String> hidden = new LinkedHashSet<>();
    if (strata.isEmpty()) {
      return hidden;
    }
    for (int p = 0; p < strata.get(0).size(); p++) {
      String code = strata.get(0).get(p).code;
      int small = 0;
      int complement = -1;
      for (int i = 0; i < strata.size(); i++) {
        int count = strata.get(i).get(p).cases.size();
        if (count >= 1 && count <= SUPPRESS_AT_MOST) {
          hidden.add(i + "|" + code);
          small++;
        } else if (count > SUPPRESS_AT_MOST
            && (complement < 0 || count < strata.get(complement).get(p).cases.size())) {
          complement = i;
        }
      }
      if (small == 1 && complement >= 0) {
        hidden.add(complement + "|" + code);
      }
    }
    return hidden;
  }

  private static List<Cell> cells(MeasureGroup spec, List<MeasureCase> cases) {
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell("initial-population", filter(cases, c -> c.in(spec.initial()))));
    if (spec.isMedian()) {
      cells.add(
          new Cell(
              "measure-population",
              filter(
                  cases,
                  c ->
                      c.in(spec.denominator())
                          && c.observations().containsKey(spec.observation()))));
    } else {
      cells.add(new Cell("denominator", filter(cases, c -> c.in(spec.denominator()))));
      cells.add(
          new Cell(
              "numerator", filter(cases, c -> c.in(spec.denominator()) && c.in(spec.numerator()))));
    }
    return cells;
  }

  private static List<MeasureCase> filter(List<MeasureCase> cases, Predicate<MeasureCase> in) {
    return cases.stream().filter(in).toList();
  }

  /** Sets the count, or masks it; true if masked. */
  private boolean count(MeasureReportGroupPopulationComponent population, int count) {
    if (suppress && count >= 1 && count <= SUPPRESS_AT_MOST) {
      population.addExtension(masked());
      return true;
    }
    population.setCount(count);
    return false;
  }

  private void score(
      MeasureReportGroupComponent group,
      MeasureGroup spec,
      List<MeasureCase> cases,
      boolean masked) {
    Quantity score = score(spec, cases);
    if (masked) {
      group.setMeasureScore(new Quantity()).getMeasureScore().addExtension(masked());
    } else if (score != null) {
      group.setMeasureScore(score);
    }
  }

  /** The group's score over {@code cases}; null when there is nothing to score. */
  static Quantity score(MeasureGroup spec, List<MeasureCase> cases) {
    if (spec.isMedian()) {
      List<Double> values =
          cases.stream()
              .filter(c -> c.in(spec.denominator()))
              .map(c -> c.observations().get(spec.observation()))
              .filter(v -> v != null)
              .sorted()
              .toList();
      if (values.isEmpty()) {
        return null;
      }
      int n = values.size();
      double median =
          n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
      return new Quantity().setValue(BigDecimal.valueOf(median).setScale(3, RoundingMode.HALF_UP));
    }
    long denominator = cases.stream().filter(c -> c.in(spec.denominator())).count();
    if (denominator == 0) {
      return null;
    }
    long numerator =
        cases.stream().filter(c -> c.in(spec.denominator()) && c.in(spec.numerator())).count();
    return new Quantity()
        .setValue(
            BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
  }

  private static Extension masked() {
    return new Extension(DATA_ABSENT, new CodeType("masked"));
  }

  private static String list(MeasureReport report, String id, List<MeasureCase> cases) {
    ListResource list = new ListResource();
    list.setId(id);
    list.setStatus(ListResource.ListStatus.CURRENT);
    list.setMode(ListResource.ListMode.SNAPSHOT);
    new TreeSet<>(cases.stream().map(MeasureCase::subject).toList())
        .forEach(subject -> list.addEntry().setItem(new Reference(subject)));
    report.addContained(list);
    return id;
  }
}
