package org.continuumcare.gateway.views.engine;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.continuumcare.gateway.views.engine.SqlOnFhirFunctions.Scope;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs one compiled view over resources, one resource at a time (so a run never needs more than the
 * current resource's rows in memory). Not thread-safe: one runner per run.
 *
 * <p>Values are plain Java: {@code Boolean}, {@code Integer}, {@code BigDecimal}, {@code String}
 * (every other primitive, dates included, as their FHIR string form), a {@code List} of these for a
 * collection column, or null.
 */
public final class ViewRunner {

  private final CompiledView view;
  private final FHIRPathEngine paths;

  ViewRunner(CompiledView view, FHIRPathEngine paths) {
    this.view = view;
    this.paths = paths;
  }

  /** A FHIRPath engine with the SQL on FHIR functions, on HAPI's R4 structures. */
  public static FHIRPathEngine pathEngine(FhirContext fhir) {
    FHIRPathEngine engine =
        new FHIRPathEngine(new HapiWorkerContext(fhir, fhir.getValidationSupport()));
    engine.setHostServices(new SqlOnFhirFunctions());
    return engine;
  }

  /** Compiles {@code definition} and returns a runner for it. */
  public static ViewRunner of(
      FhirContext fhir, com.fasterxml.jackson.databind.JsonNode definition) {
    FHIRPathEngine engine = pathEngine(fhir);
    return new ViewRunner(new ViewCompiler(fhir, engine).compile(definition), engine);
  }

  public CompiledView view() {
    return view;
  }

  /**
   * The rows {@code resource} gives: none unless it is of the view's type and passes its filters.
   */
  public List<Object[]> rows(Resource resource) {
    if (!view.resource().equals(resource.fhirType())) {
      return List.of();
    }
    Scope scope = new Scope(view.constants(), 0);
    for (CompiledView.Where where : view.where()) {
      List<Base> result = evaluate(scope, resource, resource, where.expression(), where.element());
      if (result.size() > 1 || (result.size() == 1 && !(result.get(0) instanceof BooleanType))) {
        throw new InvalidViewException(
            where.element(), "'" + where.path() + "' does not give a single boolean");
      }
      if (result.isEmpty() || !((BooleanType) result.get(0)).booleanValue()) {
        return List.of();
      }
    }
    return select(view.root(), scope, resource, resource);
  }

  private List<Object[]> select(ViewSelect select, Scope scope, Resource resource, Base node) {
    List<Base> foci;
    boolean iterates = select.forEach() != null || !select.repeat().isEmpty();
    if (select.forEach() != null) {
      foci = evaluate(scope, resource, node, select.forEach(), select.element());
    } else if (!select.repeat().isEmpty()) {
      foci = new ArrayList<>();
      descend(scope, resource, node, select, foci);
    } else {
      foci = List.of(node);
    }
    List<Object[]> rows = new ArrayList<>();
    if (foci.isEmpty() && select.orNull()) {
      // One row of nulls; the select's own columns still see an empty focus and %rowIndex 0.
      Object[] row = new Object[select.width()];
      Scope here = scope.at(0);
      for (int c = 0; c < select.columns().size(); c++) {
        ViewColumn column = select.columns().get(c);
        row[c] =
            value(
                column,
                evaluate(here, resource, null, column.expression(), column.element() + ".path"));
      }
      rows.add(row);
      return rows;
    }
    for (int i = 0; i < foci.size(); i++) {
      Scope here = iterates ? scope.at(i) : scope;
      Base focus = foci.get(i);
      List<Object[]> product = new ArrayList<>();
      Object[] own = new Object[select.columns().size()];
      for (int c = 0; c < own.length; c++) {
        own[c] =
            value(
                select.columns().get(c),
                evaluate(
                    here,
                    resource,
                    focus,
                    select.columns().get(c).expression(),
                    select.columns().get(c).element() + ".path"));
      }
      product.add(own);
      for (ViewSelect nested : select.selects()) {
        product = cross(product, select(nested, here, resource, focus));
      }
      if (!select.unionAll().isEmpty()) {
        List<Object[]> union = new ArrayList<>();
        for (ViewSelect branch : select.unionAll()) {
          union.addAll(select(branch, here, resource, focus));
        }
        product = cross(product, union);
      }
      rows.addAll(product);
    }
    return rows;
  }

  /** {@code repeat}: every node reached by following the paths again and again, depth first. */
  private void descend(
      Scope scope, Resource resource, Base node, ViewSelect select, List<Base> found) {
    for (int p = 0; p < select.repeat().size(); p++) {
      for (Base child :
          evaluate(
              scope,
              resource,
              node,
              select.repeat().get(p),
              select.element() + ".repeat[" + p + "]")) {
        found.add(child);
        descend(scope, resource, child, select, found);
      }
    }
  }

  private static List<Object[]> cross(List<Object[]> left, List<Object[]> right) {
    List<Object[]> rows = new ArrayList<>(left.size() * right.size());
    for (Object[] l : left) {
      for (Object[] r : right) {
        Object[] row = Arrays.copyOf(l, l.length + r.length);
        System.arraycopy(r, 0, row, l.length, r.length);
        rows.add(row);
      }
    }
    return rows;
  }

  private List<Base> evaluate(
      Scope scope, Resource resource, Base focus, ExpressionNode expression, String element) {
    try {
      return paths.evaluate(scope, resource, resource, focus, expression);
    } catch (InvalidViewException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidViewException(element, "cannot be evaluated: " + e.getMessage(), e);
    }
  }

  private static Object value(ViewColumn column, List<Base> result) {
    if (column.collection()) {
      List<Object> values = new ArrayList<>(result.size());
      for (Base item : result) {
        values.add(plain(column, item));
      }
      return values;
    }
    if (result.size() > 1) {
      throw new InvalidViewException(
          column.element() + ".path",
          "'"
              + column.path()
              + "' gives "
              + result.size()
              + " values for a column that is not a collection");
    }
    return result.isEmpty() ? null : plain(column, result.get(0));
  }

  private static Object plain(ViewColumn column, Base item) {
    if (item instanceof BooleanType b) {
      return b.getValue();
    }
    if (item instanceof IntegerType i) {
      return i.getValue();
    }
    if (item instanceof DecimalType d) {
      return d.getValue() == null ? null : new BigDecimal(d.getValueAsString());
    }
    if (item instanceof PrimitiveType<?> p) {
      return p.getValueAsString();
    }
    if (item.isPrimitive()) {
      return item.primitiveValue();
    }
    throw new InvalidViewException(
        column.element() + ".path",
        "'" + column.path() + "' gives a " + item.fhirType() + ", not a primitive value");
  }
}
