package org.continuumcare.gateway.views.engine;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.model.Base;

/**
 * A ViewDefinition checked and ready to run: the resource type it reads, its columns in output
 * order, its {@code where} filters, its constants and its compiled selects.
 */
public record CompiledView(
    String name,
    String resource,
    List<ViewColumn> columns,
    List<Where> where,
    Map<String, Base> constants,
    ViewSelect root) {

  /** A {@code where} filter: a FHIRPath that must be true for a resource to give rows. */
  public record Where(String path, ExpressionNode expression, String element) {}

  public List<String> columnNames() {
    return columns.stream().map(ViewColumn::name).toList();
  }
}
