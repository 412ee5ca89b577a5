package org.continuumcare.gateway.views.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.r4.fhirpath.ExpressionNode.CollectionStatus;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/**
 * What SQL on FHIR v2 adds to FHIRPath, as host services of HAPI's FHIRPath engine: the view's
 * constants ({@code %name}), {@code %rowIndex}, {@code getResourceKey()} and {@code
 * getReferenceKey([type])}.
 *
 * <p>Keys are {@code Type/id}: a resource's key equals the key of every relative or absolute
 * reference to it, and keys of different types never collide.
 */
final class SqlOnFhirFunctions implements IHostApplicationServices {

  static final String RESOURCE_KEY = "getResourceKey";
  static final String REFERENCE_KEY = "getReferenceKey";

  /** What an evaluation knows besides its focus: the view's constants and the current row index. */
  record Scope(Map<String, Base> constants, int rowIndex) {
    Scope at(int index) {
      return new Scope(constants, index);
    }
  }

  @Override
  public List<Base> resolveConstant(
      FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode)
      throws PathEngineException {
    if (mode != FHIRPathConstantEvaluationMode.EXPLICIT) {
      return List
          .of(); // the engine also offers every plain name; those are elements, not constants
    }
    String bare = name.startsWith("%") ? name.substring(1) : name;
    if (!(appContext instanceof Scope scope)) {
      throw new PathEngineException("unknown constant " + name);
    }
    if ("rowIndex".equals(bare)) {
      return List.of(new IntegerType(scope.rowIndex()));
    }
    Base value = scope.constants().get(bare);
    if (value == null) {
      throw new PathEngineException("the view defines no constant " + name);
    }
    return List.of(value);
  }

  @Override
  public TypeDetails resolveConstantType(
      FHIRPathEngine engine, Object appContext, String name, FHIRPathConstantEvaluationMode mode) {
    return null;
  }

  @Override
  public boolean log(String argument, List<Base> focus) {
    return false;
  }

  @Override
  public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
    return switch (functionName) {
      case RESOURCE_KEY -> new FunctionDetails("the key of the focus resource", 0, 0);
      case REFERENCE_KEY -> new FunctionDetails("the key of the referenced resource", 0, 1);
      default -> null;
    };
  }

  @Override
  public TypeDetails checkFunction(
      FHIRPathEngine engine,
      Object appContext,
      String functionName,
      TypeDetails focus,
      List<TypeDetails> parameters) {
    return new TypeDetails(CollectionStatus.SINGLETON, "string");
  }

  @Override
  public List<Base> executeFunction(
      FHIRPathEngine engine,
      Object appContext,
      List<Base> focus,
      String functionName,
      List<List<Base>> parameters) {
    List<Base> keys = new ArrayList<>();
    if (RESOURCE_KEY.equals(functionName)) {
      for (Base item : focus) {
        if (item instanceof Resource resource && resource.hasIdElement()) {
          keys.add(new StringType(resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
        }
      }
      return keys;
    }
    String type =
        parameters == null || parameters.isEmpty() || parameters.get(0).isEmpty()
            ? null
            : parameters.get(0).get(0).primitiveValue();
    if (type != null && type.startsWith("FHIR.")) {
      type =
          type.substring(
              "FHIR.".length()); // the engine qualifies a type argument with its namespace
    }
    for (Base item : focus) {
      if (item instanceof Reference reference && reference.hasReference()) {
        IdType id = new IdType(reference.getReference());
        if (id.hasResourceType()
            && id.hasIdPart()
            && (type == null || type.equals(id.getResourceType()))) {
          keys.add(new StringType(id.getResourceType() + "/" + id.getIdPart()));
        }
      }
    }
    return keys;
  }

  @Override
  public Base resolveReference(
      FHIRPathEngine engine, Object appContext, String url, Base refContext) throws FHIRException {
    return null;
  }

  @Override
  public boolean conformsToProfile(
      FHIRPathEngine engine, Object appContext, Base item, String url) {
    return false;
  }

  @Override
  public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
    return null;
  }

  @Override
  public boolean paramIsType(String name, int index) {
    return REFERENCE_KEY.equals(name) && index == 0;
  }
}
