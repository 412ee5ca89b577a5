package org.continuumcare.gateway.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The expected cells of a report, written by direct counting in the test, and the same cells read
 * from a MeasureReport, both as "group|stratifier|value|population" -> count, "masked" or score, so
 * the two compare as maps.
 */
final class ExpectedReport {

  /** A case as the test sees it: subject, strata and the named facts true of it, plus values. */
  record Row(
      String subject, Map<String, String> strata, Set<String> facts, Map<String, Double> values) {}

  private final boolean suppress;
  private final Map<String, String> cells = new TreeMap<>();

  ExpectedReport(boolean suppress) {
    this.suppress = suppress;
  }

  Map<String, String> cells() {
    return cells;
  }

  /**
   * The cells M2 (closed-loop referrals) should report for {@code rows}: closure, rejection and
   * cancellation by partner and category (the last two also by reason), and the median days to
   * acceptance and to completion.
   */
  static Map<String, String> closedLoopReferrals(boolean suppress, List<Row> rows) {
    List<String> strata = List.of("partner", "category");
    List<String> withReason = List.of("partner", "category", "reason");
    return new ExpectedReport(suppress)
        .proportion("closed-loop", rows, "denominator", "completed", strata)
        .proportion("rejected", rows, "denominator", "rejected", withReason)
        .proportion("cancelled", rows, "denominator", "cancelled", withReason)
        .median("days-to-accepted", rows, "days-to-accepted", strata)
        .median("days-to-completed", rows, "days-to-completed", strata)
        .cells();
  }

  /**
   * A proportion: all rows are the initial population; {@code denominator} and {@code numerator}
   * are facts.
   */
  ExpectedReport proportion(
      String group,
      List<Row> rows,
      String denominator,
      String numerator,
      List<String> stratifiers) {
    add(
        group,
        "",
        rows,
        r -> true,
        r -> r.facts().contains(denominator),
        r -> r.facts().contains(denominator) && r.facts().contains(numerator),
        null);
    strata(
        group,
        rows,
        stratifiers,
        (prefix, in) ->
            add(
                group,
                prefix,
                in,
                r -> true,
                r -> r.facts().contains(denominator),
                r -> r.facts().contains(denominator) && r.facts().contains(numerator),
                null));
    return this;
  }

  /** A median of {@code value} over the rows having it. */
  ExpectedReport median(String group, List<Row> rows, String value, List<String> stratifiers) {
    add(group, "", rows, r -> true, r -> r.values().containsKey(value), null, value);
    strata(
        group,
        rows,
        stratifiers,
        (prefix, in) ->
            add(group, prefix, in, r -> true, r -> r.values().containsKey(value), null, value));
    return this;
  }

  private interface Stratum {
    void add(String prefix, List<Row> rows);
  }

  private void strata(String group, List<Row> rows, List<String> stratifiers, Stratum stratum) {
    for (String stratifier : stratifiers) {
      TreeSet<String> values =
          new TreeSet<>(rows.stream().map(r -> r.strata().get(stratifier)).toList());
      for (String value : values) {
        stratum.add(
            stratifier + "|" + value,
            rows.stream().filter(r -> value.equals(r.strata().get(stratifier))).toList());
      }
      if (suppress) {
        complement(group + "|" + stratifier + "|", new ArrayList<>(values));
      }
    }
  }

  /**
   * Complementary suppression, restated: for each population, if exactly one stratum's count is
   * masked, the smallest count above 10 among the others (the first stratum in value order on a
   * tie) is masked too, and so is that stratum's score.
   */
  private void complement(String prefix, List<String> values) {
    for (String population :
        List.of("initial-population", "denominator", "numerator", "measure-population")) {
      List<String> masked = new ArrayList<>();
      String smallest = null;
      long smallestCount = Long.MAX_VALUE;
      for (String value : values) {
        String cell = cells.get(prefix + value + "|" + population);
        if (cell == null) {
          continue;
        }
        if (cell.equals("masked")) {
          masked.add(value);
        } else if (Long.parseLong(cell) > 10 && Long.parseLong(cell) < smallestCount) {
          smallestCount = Long.parseLong(cell);
          smallest = value;
        }
      }
      if (masked.size() == 1 && smallest != null) {
        cells.put(prefix + smallest + "|" + population, "masked");
        cells.put(prefix + smallest + "|score", "masked");
      }
    }
  }

  private void add(
      String group,
      String stratum,
      List<Row> rows,
      Predicate<Row> initial,
      Predicate<Row> second,
      Predicate<Row> numerator,
      String value) {
    String key = group + "|" + stratum + "|";
    boolean masked = false;
    masked |= count(key + "initial-population", rows.stream().filter(initial).count());
    long denominator = rows.stream().filter(second).count();
    masked |= count(key + (value == null ? "denominator" : "measure-population"), denominator);
    BigDecimal score = null;
    if (value == null) {
      long num = rows.stream().filter(numerator).count();
      masked |= count(key + "numerator", num);
      if (denominator > 0) {
        score =
            BigDecimal.valueOf(num)
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
      }
    } else {
      List<Double> values =
          new ArrayList<>(
              rows.stream().filter(second).map(r -> r.values().get(value)).sorted().toList());
      if (!values.isEmpty()) {
        int n = values.size();
        double median =
            n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        score = BigDecimal.valueOf(median).setScale(3, RoundingMode.HALF_UP);
      }
    }
    if (masked) {
      cells.put(key + "score", "masked");
    } else if (score != null) {
      cells.put(key + "score", score.stripTrailingZeros().toPlainString());
    }
  }

  private boolean count(String key, long count) {
    boolean masked = suppress && count >= 1 && count <= 10;
    cells.put(key, masked ? "masked" : Long.toString(count));
    return masked;
  }

  /** The cells of an actual report, in the same form. */
  static Map<String, String> cellsOf(MeasureReport report) {
    Map<String, String> cells = new TreeMap<>();
    for (MeasureReport.MeasureReportGroupComponent group : report.getGroup()) {
      String code = group.getCode().getCodingFirstRep().getCode();
      String key = code + "||";
      group
          .getPopulation()
          .forEach(
              p ->
                  cells.put(
                      key + p.getCode().getCodingFirstRep().getCode(),
                      masked(p.getExtension()) ? "masked" : Integer.toString(p.getCount())));
      score(cells, key, group.hasMeasureScore() ? group.getMeasureScore() : null);
      for (MeasureReport.MeasureReportGroupStratifierComponent stratifier : group.getStratifier()) {
        String name = stratifier.getCodeFirstRep().getCodingFirstRep().getCode();
        for (MeasureReport.StratifierGroupComponent stratum : stratifier.getStratum()) {
          String prefix = code + "|" + name + "|" + stratum.getValue().getText() + "|";
          stratum
              .getPopulation()
              .forEach(
                  p ->
                      cells.put(
                          prefix + p.getCode().getCodingFirstRep().getCode(),
                          masked(p.getExtension()) ? "masked" : Integer.toString(p.getCount())));
          score(cells, prefix, stratum.hasMeasureScore() ? stratum.getMeasureScore() : null);
        }
      }
    }
    return cells;
  }

  private static void score(Map<String, String> cells, String key, Quantity score) {
    if (score == null) {
      return;
    }
    cells.put(
        key + "score",
        masked(score.getExtension())
            ? "masked"
            : score.getValue().stripTrailingZeros().toPlainString());
  }

  private static boolean masked(List<Extension> extensions) {
    return extensions.stream()
        .anyMatch(
            e ->
                e.getUrl().equals("http://hl7.org/fhir/StructureDefinition/data-absent-reason")
                    && "masked".equals(e.getValue().primitiveValue()));
  }
}
