package org.continuumcare.gateway.views.engine;

import java.util.List;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;

/**
 * A compiled {@code select}: how it finds its foci ({@code forEach}, {@code forEachOrNull}, {@code
 * repeat}, or the current node), its own columns, the selects nested in it and the branches of its
 * {@code unionAll}. {@code allColumns} are the columns of its rows, in order: its own, then its
 * selects', then its union's.
 */
record ViewSelect(
    String element,
    ExpressionNode forEach,
    boolean orNull,
    List<ExpressionNode> repeat,
    List<ViewColumn> columns,
    List<ViewSelect> selects,
    List<ViewSelect> unionAll,
    List<ViewColumn> allColumns) {

  int width() {
    return allColumns.size();
  }
}
