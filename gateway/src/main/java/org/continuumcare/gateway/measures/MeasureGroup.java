package org.continuumcare.gateway.measures;

/**
 * One group of a measure as evaluated: a proportion (numerator among the denominator, both among
 * the initial population) or a median of an observation over a measure population.
 *
 * @param code the group's code in the Measure (e.g. {@code closed-loop})
 * @param denominator population name of the denominator (proportion) or the measure population
 *     (median)
 * @param numerator population name of the numerator (proportion); null for a median
 * @param observation the observation a median is taken over; null for a proportion
 */
record MeasureGroup(String code, String denominator, String numerator, String observation) {

  static MeasureGroup proportion(String code, String denominator, String numerator) {
    return new MeasureGroup(code, denominator, numerator, null);
  }

  static MeasureGroup median(String code, String population, String observation) {
    return new MeasureGroup(code, population, null, observation);
  }

  boolean isMedian() {
    return observation != null;
  }
}
