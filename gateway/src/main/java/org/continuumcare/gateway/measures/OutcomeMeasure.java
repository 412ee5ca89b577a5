package org.continuumcare.gateway.measures;

import java.util.List;

/** A measure computed in Java from the resources the caller may see. */
interface OutcomeMeasure {

  /** The id of the Measure resource in the recovery package ({@code Measure/[id]}). */
  String id();

  /** Every case in the initial population for the period, with its populations and strata. */
  List<MeasureCase> cases(MeasurePeriod period, GatedReader reader);

  List<MeasureGroup> groups();

  /** Stratifier codes, applied to every group. */
  List<String> stratifiers();
}
