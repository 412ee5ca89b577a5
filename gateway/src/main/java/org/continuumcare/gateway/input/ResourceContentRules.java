package org.continuumcare.gateway.input;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * Walks a resource (contained resources and bundle entries included) and reports, by FHIRPath-like
 * path ({@code Patient.name[0].family}, {@code Patient.text.div}), every string that is not FHIR
 * text ({@link TextCharacters}) and every narrative that breaks FHIR's XHTML rules ({@link
 * NarrativeRules}); or, for what the gateway writes itself, only strings no database can store.
 * Pure apart from reading HAPI's model definitions.
 */
final class ResourceContentRules {

  /** One problem: where, what, and whether it is active content (a security matter) or bad text. */
  record Problem(String path, String message, boolean activeContent) {
    String describe() {
      return path + ": " + message;
    }
  }

  private final FhirContext fhirContext;

  ResourceContentRules(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** Every rule {@code resource} breaks: FHIR's text and narrative rules. */
  List<Problem> problems(IBaseResource resource) {
    List<Problem> problems = new ArrayList<>();
    walk(resource, resource.fhirType(), true, problems);
    return problems;
  }

  /**
   * Only the strings in {@code resource} that cannot be stored ({@link TextCharacters#unstorable}).
   */
  List<Problem> unstorable(IBaseResource resource) {
    List<Problem> problems = new ArrayList<>();
    walk(resource, resource.fhirType(), false, problems);
    return problems;
  }

  private void walk(IBase element, String path, boolean allRules, List<Problem> problems) {
    if (element instanceof XhtmlNode div) {
      if (allRules) {
        NarrativeRules.problems(div)
            .forEach(message -> problems.add(new Problem(path, message, true)));
      }
      checkXhtmlText(div, path, allRules, problems);
      return;
    }
    if (element instanceof IPrimitiveType<?> primitive) {
      text(primitive.getValueAsString(), allRules)
          .ifPresent(message -> problems.add(new Problem(path, message, false)));
      if (primitive instanceof IBaseHasExtensions withExtensions) {
        List<? extends IBaseExtension<?, ?>> extensions = withExtensions.getExtension();
        for (int i = 0; i < extensions.size(); i++) {
          walk(extensions.get(i), path + ".extension[" + i + "]", allRules, problems);
        }
      }
      return;
    }
    BaseRuntimeElementDefinition<?> definition =
        element instanceof IBaseResource resource
            ? fhirContext.getResourceDefinition(resource)
            : fhirContext.getElementDefinition(element.getClass());
    if (!(definition instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
      return;
    }
    for (BaseRuntimeChildDefinition child : composite.getChildren()) {
      List<IBase> values = child.getAccessor().getValues(element);
      for (int i = 0; i < values.size(); i++) {
        IBase value = values.get(i);
        String name = child.getChildNameByDatatype(value.getClass());
        String childPath =
            path
                + "."
                + (name == null ? child.getElementName() : name)
                + (child.getMax() == 1 ? "" : "[" + i + "]");
        walk(value, childPath, allRules, problems);
      }
    }
  }

  private static void checkXhtmlText(
      XhtmlNode node, String path, boolean allRules, List<Problem> problems) {
    if (node.getNodeType() == NodeType.Text
        || node.getNodeType() == NodeType.Comment
        || node.getNodeType() == NodeType.CData) {
      text(node.getContent(), allRules)
          .ifPresent(message -> problems.add(new Problem(path, message, false)));
    }
    if (node.getAttributes() != null) {
      node.getAttributes()
          .forEach(
              (name, value) ->
                  text(value, allRules)
                      .ifPresent(
                          message ->
                              problems.add(
                                  new Problem(
                                      path, "attribute '" + name + "' " + message, false))));
    }
    node.getChildNodes().forEach(child -> checkXhtmlText(child, path, allRules, problems));
  }

  private static Optional<String> text(String value, boolean allRules) {
    return allRules ? TextCharacters.problem(value) : TextCharacters.unstorable(value);
  }
}
