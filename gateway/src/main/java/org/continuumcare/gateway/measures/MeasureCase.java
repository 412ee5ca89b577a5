package org.continuumcare.gateway.measures;

import java.util.Map;
import java.util.Set;

/**
 * One case a measure counts (a referral Task, a release handoff, a person's assessments): the
 * person it is about, the populations it belongs to, the values observed for it and its strata.
 *
 * @param subject the Patient reference ({@code Patient/123})
 * @param populations the names of the populations the case is in (see {@link MeasureGroup})
 * @param observations a value per observation name (e.g. days from sent to accepted), if any
 * @param strata the case's value per stratifier code (e.g. {@code partner -> Organization/x})
 */
record MeasureCase(
    String subject,
    Set<String> populations,
    Map<String, Double> observations,
    Map<String, String> strata) {

  boolean in(String population) {
    return populations.contains(population);
  }
}
