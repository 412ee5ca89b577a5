package org.continuumcare.gateway.views.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Parameters;

/**
 * Checks a ViewDefinition (SQL on FHIR v2, JSON) and compiles its FHIRPath expressions with HAPI's
 * FHIRPath engine. Every problem names the element at fault: a missing or unknown {@code resource},
 * a column without a valid name or path, an unknown column type, an expression that does not parse,
 * a constant without exactly one value, duplicate column names, and {@code unionAll} branches whose
 * columns differ.
 */
public final class ViewCompiler {

  private static final Pattern COLUMN_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");

  private final FhirContext fhir;
  private final FHIRPathEngine paths;

  public ViewCompiler(FhirContext fhir, FHIRPathEngine paths) {
    this.fhir = fhir;
    this.paths = paths;
  }

  public CompiledView compile(JsonNode view) {
    String root = "ViewDefinition";
    if (view == null || !view.isObject()) {
      throw new InvalidViewException(root, "a ViewDefinition is a JSON object");
    }
    if (view.has("resourceType") && !"ViewDefinition".equals(view.get("resourceType").asText())) {
      throw new InvalidViewException(root + ".resourceType", "is not ViewDefinition");
    }
    JsonNode resource = view.get("resource");
    if (resource == null || !resource.isTextual() || resource.asText().isBlank()) {
      throw new InvalidViewException(
          root + ".resource", "is required: the resource type the view reads");
    }
    if (!fhir.getResourceTypes().contains(resource.asText())) {
      throw new InvalidViewException(
          root + ".resource", "'" + resource.asText() + "' is not a FHIR R4 resource type");
    }
    Map<String, Base> constants = constants(view.get("constant"), root + ".constant");
    JsonNode selects = view.get("select");
    if (selects == null || !selects.isArray() || selects.isEmpty()) {
      throw new InvalidViewException(root + ".select", "at least one select is required");
    }
    List<ViewSelect> compiled = new ArrayList<>();
    for (int i = 0; i < selects.size(); i++) {
      compiled.add(select(selects.get(i), root + ".select[" + i + "]"));
    }
    ViewSelect top = assemble(root, null, false, List.of(), List.of(), compiled, List.of());
    Set<String> seen = new HashSet<>();
    for (ViewColumn column : top.allColumns()) {
      if (!seen.add(column.name())) {
        throw new InvalidViewException(
            column.element() + ".name", "duplicate column name '" + column.name() + "'");
      }
    }
    List<CompiledView.Where> where = new ArrayList<>();
    JsonNode wheres = view.get("where");
    if (wheres != null) {
      requireArray(wheres, root + ".where");
      for (int i = 0; i < wheres.size(); i++) {
        String element = root + ".where[" + i + "].path";
        String path = text(wheres.get(i).get("path"), element);
        where.add(new CompiledView.Where(path, parse(path, element), element));
      }
    }
    String name = view.hasNonNull("name") ? view.get("name").asText() : null;
    return new CompiledView(
        name, resource.asText(), top.allColumns(), List.copyOf(where), constants, top);
  }

  private ViewSelect select(JsonNode select, String element) {
    if (select == null || !select.isObject()) {
      throw new InvalidViewException(element, "a select is a JSON object");
    }
    int iterations =
        (select.has("forEach") ? 1 : 0)
            + (select.has("forEachOrNull") ? 1 : 0)
            + (select.has("repeat") ? 1 : 0);
    if (iterations > 1) {
      throw new InvalidViewException(element, "at most one of forEach, forEachOrNull and repeat");
    }
    ExpressionNode forEach = null;
    boolean orNull = false;
    if (select.has("forEach")) {
      forEach = parse(text(select.get("forEach"), element + ".forEach"), element + ".forEach");
    } else if (select.has("forEachOrNull")) {
      forEach =
          parse(
              text(select.get("forEachOrNull"), element + ".forEachOrNull"),
              element + ".forEachOrNull");
      orNull = true;
    }
    List<ExpressionNode> repeat = new ArrayList<>();
    if (select.has("repeat")) {
      JsonNode paths = select.get("repeat");
      requireArray(paths, element + ".repeat");
      if (paths.isEmpty()) {
        throw new InvalidViewException(element + ".repeat", "at least one path is required");
      }
      for (int i = 0; i < paths.size(); i++) {
        String at = element + ".repeat[" + i + "]";
        repeat.add(parse(text(paths.get(i), at), at));
      }
    }
    List<ViewColumn> columns = new ArrayList<>();
    JsonNode columnNodes = select.get("column");
    if (columnNodes != null) {
      requireArray(columnNodes, element + ".column");
      for (int i = 0; i < columnNodes.size(); i++) {
        columns.add(column(columnNodes.get(i), element + ".column[" + i + "]"));
      }
    }
    List<ViewSelect> nested = new ArrayList<>();
    JsonNode selectNodes = select.get("select");
    if (selectNodes != null) {
      requireArray(selectNodes, element + ".select");
      for (int i = 0; i < selectNodes.size(); i++) {
        nested.add(select(selectNodes.get(i), element + ".select[" + i + "]"));
      }
    }
    List<ViewSelect> union = new ArrayList<>();
    JsonNode unionNodes = select.get("unionAll");
    if (unionNodes != null) {
      requireArray(unionNodes, element + ".unionAll");
      for (int i = 0; i < unionNodes.size(); i++) {
        union.add(select(unionNodes.get(i), element + ".unionAll[" + i + "]"));
      }
      List<String> first = union.isEmpty() ? List.of() : names(union.get(0).allColumns());
      for (int i = 1; i < union.size(); i++) {
        List<String> other = names(union.get(i).allColumns());
        if (!other.equals(first)) {
          throw new InvalidViewException(
              element + ".unionAll[" + i + "]",
              "columns "
                  + other
                  + " differ from the first branch's "
                  + first
                  + " (names and order must match)");
        }
      }
    }
    if (columns.isEmpty() && nested.isEmpty() && union.isEmpty()) {
      throw new InvalidViewException(element, "a select needs a column, a select or a unionAll");
    }
    return assemble(element, forEach, orNull, repeat, columns, nested, union);
  }

  private static ViewSelect assemble(
      String element,
      ExpressionNode forEach,
      boolean orNull,
      List<ExpressionNode> repeat,
      List<ViewColumn> columns,
      List<ViewSelect> nested,
      List<ViewSelect> union) {
    List<ViewColumn> all = new ArrayList<>(columns);
    nested.forEach(select -> all.addAll(select.allColumns()));
    if (!union.isEmpty()) {
      all.addAll(union.get(0).allColumns());
    }
    return new ViewSelect(
        element,
        forEach,
        orNull,
        List.copyOf(repeat),
        List.copyOf(columns),
        List.copyOf(nested),
        List.copyOf(union),
        List.copyOf(all));
  }

  private ViewColumn column(JsonNode column, String element) {
    if (column == null || !column.isObject()) {
      throw new InvalidViewException(element, "a column is a JSON object");
    }
    String name = text(column.get("name"), element + ".name");
    if (!COLUMN_NAME.matcher(name).matches()) {
      throw new InvalidViewException(
          element + ".name",
          "'" + name + "' is not a valid column name (a letter, then letters, digits or _)");
    }
    String path = text(column.get("path"), element + ".path");
    String type = null;
    if (column.has("type")) {
      type = text(column.get("type"), element + ".type");
      if (!ColumnTypes.isKnown(type)) {
        throw new InvalidViewException(
            element + ".type",
            "unknown column type '"
                + type
                + "' (one of the FHIR primitive types: "
                + new java.util.TreeSet<>(ColumnTypes.PRIMITIVES)
                + ")");
      }
    }
    boolean collection = false;
    if (column.has("collection")) {
      if (!column.get("collection").isBoolean()) {
        throw new InvalidViewException(element + ".collection", "is true or false");
      }
      collection = column.get("collection").asBoolean();
    }
    return new ViewColumn(name, path, parse(path, element + ".path"), type, collection, element);
  }

  private Map<String, Base> constants(JsonNode constants, String element) {
    Map<String, Base> values = new LinkedHashMap<>();
    if (constants == null) {
      return values;
    }
    requireArray(constants, element);
    for (int i = 0; i < constants.size(); i++) {
      String at = element + "[" + i + "]";
      JsonNode constant = constants.get(i);
      String name = text(constant.get("name"), at + ".name");
      if (!COLUMN_NAME.matcher(name).matches()) {
        throw new InvalidViewException(at + ".name", "'" + name + "' is not a valid constant name");
      }
      ObjectNode parameter = JsonNodeFactory.instance.objectNode().put("name", name);
      int valueCount = 0;
      for (Iterator<String> fields = constant.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (field.startsWith("value")) {
          valueCount++;
          parameter.set(field, constant.get(field));
        }
      }
      if (valueCount != 1) {
        throw new InvalidViewException(
            at, "a constant has exactly one value[x], this one has " + valueCount);
      }
      ObjectNode parameters =
          JsonNodeFactory.instance.objectNode().put("resourceType", "Parameters");
      parameters.putArray("parameter").add(parameter);
      try {
        Parameters parsed =
            fhir.newJsonParser().parseResource(Parameters.class, parameters.toString());
        Base value = parsed.getParameterFirstRep().getValue();
        if (value == null) {
          throw new InvalidViewException(at, "the constant's value[x] is not a FHIR type");
        }
        if (values.put(name, value) != null) {
          throw new InvalidViewException(at + ".name", "duplicate constant '" + name + "'");
        }
      } catch (DataFormatException e) {
        throw new InvalidViewException(at, "the constant's value is not valid: " + e.getMessage());
      }
    }
    return values;
  }

  private ExpressionNode parse(String path, String element) {
    try {
      return paths.parse(path);
    } catch (RuntimeException e) {
      throw new InvalidViewException(
          element, "'" + path + "' is not a valid FHIRPath expression: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String element) {
    if (node == null || node.isNull()) {
      throw new InvalidViewException(element, "is required");
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new InvalidViewException(element, "is a non-empty string");
    }
    return node.asText();
  }

  private static void requireArray(JsonNode node, String element) {
    if (!node.isArray()) {
      throw new InvalidViewException(element, "is an array");
    }
  }

  private static List<String> names(List<ViewColumn> columns) {
    return columns.stream().map(ViewColumn::name).toList();
  }
}
