package org.continuumcare.gateway.measures;

import java.util.List;

/**
 * One group of a measure as evaluated: a proportion (numerator among the denominator, both among
 * the initial population) or a median of an observation over a measure population.
 *
 * @param code the group's code in the Measure (e.g. {@code closed-loop})
 * @param initial population name of the group's initial population (usually {@code
 *     initial-population})
 * @param denominator population name of the denominator (proportion) or the measure population
 *     (median)
 * @param numerator population name of the numerator (proportion); null for a median
 * @param observation the observation a median is taken over; null for a proportion
 * @param stratifiers stratifier codes of this group only, after the measure's own
 */
record MeasureGroup(
    String code,
    String initial,
    String denominator,
    String numerator,
    String observation,
    List<String> stratifiers) {

  static final String INITIAL = "initial-population";

  static MeasureGroup proportion(String code, String denominator, String numerator) {
    return new MeasureGroup(code, INITIAL, denominator, numerator, null, List.of());
  }

  static MeasureGroup median(String code, String population, String observation) {
    return new MeasureGroup(code, INITIAL, population, null, observation, List.of());
  }

  /**
   * A median over a population of its own: {@code population} is both the initial population and
   * the measure population (cases outside it are not counted in this group or its strata).
   */
  static MeasureGroup medianOwn(String code, String population, String observation) {
    return new MeasureGroup(code, population, population, null, observation, List.of());
  }

  /** The same group, stratified also by {@code more}. */
  MeasureGroup stratifiedBy(String... more) {
    return new MeasureGroup(code, initial, denominator, numerator, observation, List.of(more));
  }

  boolean isMedian() {
    return observation != null;
  }
}
