package org.continuumcare.routes.relay;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * The configured routing rules, validated: given a parsed resource, which partner Organizations it
 * must travel to. A partner-path names a Reference element ({@code ServiceRequest.performer}) or a
 * resource-level extension whose value is a Reference ({@code
 * Composition.extension('https://.../receiving-organization')}). Pure: no I/O, no Spring, no Camel.
 */
public final class RoutingRules {

  private final FhirContext fhirContext;
  private final List<CompiledRule> rules;

  private RoutingRules(FhirContext fhirContext, List<CompiledRule> rules) {
    this.fhirContext = fhirContext;
    this.rules = rules;
  }

  /**
   * Validates and compiles the rules.
   *
   * @throws InvalidRelayConfigurationException naming the first bad rule and what is wrong
   */
  public static RoutingRules compile(FhirContext fhirContext, List<RelayProperties.Rule> rules) {
    List<CompiledRule> compiled = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      RelayProperties.Rule rule = rules.get(i);
      String label =
          "continuum.relay.rules["
              + i
              + "]"
              + (rule.name() == null ? "" : " (" + rule.name() + ")");
      if (rule.name() == null || rule.name().isBlank()) {
        throw invalid(label, "has no name");
      }
      if (!names.add(rule.name())) {
        throw invalid(label, "repeats the name of another rule");
      }
      compiled.add(CompiledRule.of(fhirContext, rule, label));
    }
    return new RoutingRules(fhirContext, List.copyOf(compiled));
  }

  /** The partners the resource must travel to, in rule order, without repeats. */
  public Set<RelayTarget> targetsFor(IBaseResource resource) {
    String type = fhirContext.getResourceType(resource);
    Set<RelayTarget> targets = new LinkedHashSet<>();
    for (CompiledRule rule : rules) {
      if (rule.resourceType.equals(type) && rule.matches(fhirContext, resource)) {
        for (String partner : rule.partners(fhirContext, resource)) {
          targets.add(new RelayTarget(partner, rule.connectionType));
        }
      }
    }
    return targets;
  }

  /** Resource types at least one rule is about (to skip the others cheaply). */
  public Set<String> resourceTypes() {
    Set<String> types = new LinkedHashSet<>();
    rules.forEach(rule -> types.add(rule.resourceType));
    return types;
  }

  /** How many rules there are. */
  public int size() {
    return rules.size();
  }

  private static InvalidRelayConfigurationException invalid(String label, String problem) {
    return new InvalidRelayConfigurationException(
        "Invalid relay routing rule " + label + ": " + problem);
  }

  /** {@code Type.extension('url')}: the Reference value of the resource's extensions with url. */
  private static final Pattern EXTENSION_PATH =
      Pattern.compile("^[A-Za-z]+\\.extension\\('([^'\\s]+)'\\)$");

  private record CompiledRule(
      String resourceType,
      String profile,
      String categorySystem,
      String categoryCode,
      String partnerPath,
      String extensionUrl,
      String connectionType) {

    static CompiledRule of(FhirContext ctx, RelayProperties.Rule rule, String label) {
      if (rule.resourceType() == null || rule.resourceType().isBlank()) {
        throw invalid(label, "has no resource-type");
      }
      RuntimeResourceDefinition definition;
      try {
        definition = ctx.getResourceDefinition(rule.resourceType());
      } catch (RuntimeException unknown) {
        throw invalid(
            label,
            "resource-type '"
                + rule.resourceType()
                + "' is not a FHIR "
                + ctx.getVersion().getVersion()
                + " resource type");
      }
      String type = definition.getName();
      if (!type.equals(rule.resourceType())) {
        throw invalid(
            label, "resource-type '" + rule.resourceType() + "' should be spelled '" + type + "'");
      }
      String path = rule.partnerPath();
      if (path == null || path.isBlank()) {
        throw invalid(label, "has no partner-path (e.g. " + type + ".performer)");
      }
      if (!path.startsWith(type + ".")) {
        throw invalid(label, "partner-path '" + path + "' must start with '" + type + ".'");
      }
      Matcher extension = EXTENSION_PATH.matcher(path);
      String extensionUrl = extension.matches() ? extension.group(1) : null;
      if (extensionUrl != null && definition.getChildByName("extension") == null) {
        throw invalid(label, type + " has no extensions for partner-path '" + path + "'");
      }
      if (extensionUrl == null) {
        BaseRuntimeChildDefinition target;
        try {
          target = ctx.newTerser().getDefinition(definition.getImplementingClass(), path);
        } catch (RuntimeException badPath) {
          throw invalid(
              label,
              "partner-path '"
                  + path
                  + "' is not an element of "
                  + type
                  + " (nor "
                  + type
                  + ".extension('url'))");
        }
        if (!(target instanceof RuntimeChildResourceDefinition)) {
          throw invalid(label, "partner-path '" + path + "' is not a Reference element");
        }
      }
      String system = null;
      String code = null;
      if (rule.category() != null && !rule.category().isBlank()) {
        if (definition.getChildByName("category") == null) {
          throw invalid(
              label, type + " has no category element to match '" + rule.category() + "'");
        }
        int bar = rule.category().indexOf('|');
        system = bar < 0 ? null : rule.category().substring(0, bar);
        code = bar < 0 ? rule.category() : rule.category().substring(bar + 1);
        if (code.isBlank()) {
          throw invalid(label, "category '" + rule.category() + "' has no code");
        }
      }
      String profile = rule.profile() == null || rule.profile().isBlank() ? null : rule.profile();
      String connectionType =
          rule.connectionType() == null || rule.connectionType().isBlank()
              ? null
              : rule.connectionType();
      return new CompiledRule(type, profile, system, code, path, extensionUrl, connectionType);
    }

    boolean matches(FhirContext ctx, IBaseResource resource) {
      if (profile != null
          && resource.getMeta().getProfile().stream()
              .noneMatch(p -> profile.equals(p.getValueAsString()))) {
        return false;
      }
      if (categoryCode != null) {
        FhirTerser terser = ctx.newTerser();
        boolean found = false;
        for (var category : terser.getValues(resource, resourceType + ".category")) {
          for (var coding : terser.getValues(category, "coding")) {
            String code = primitive(terser, coding, "code");
            String system = primitive(terser, coding, "system");
            if (categoryCode.equals(code)
                && (categorySystem == null || categorySystem.equals(system))) {
              found = true;
            }
          }
        }
        return found;
      }
      return true;
    }

    List<String> partners(FhirContext ctx, IBaseResource resource) {
      List<String> partners = new ArrayList<>();
      for (IBaseReference reference : references(ctx, resource)) {
        IIdType id = reference.getReferenceElement();
        if (id != null && id.hasIdPart() && "Organization".equals(id.getResourceType())) {
          partners.add(id.getIdPart());
        }
      }
      return partners;
    }

    private List<IBaseReference> references(FhirContext ctx, IBaseResource resource) {
      if (extensionUrl == null) {
        return ctx.newTerser().getValues(resource, partnerPath, IBaseReference.class);
      }
      List<IBaseReference> references = new ArrayList<>();
      if (resource instanceof IBaseHasExtensions withExtensions) {
        for (IBaseExtension<?, ?> extension : withExtensions.getExtension()) {
          if (extensionUrl.equals(extension.getUrl())
              && extension.getValue() instanceof IBaseReference reference) {
            references.add(reference);
          }
        }
      }
      return references;
    }

    private static String primitive(
        FhirTerser terser, org.hl7.fhir.instance.model.api.IBase base, String child) {
      return terser
          .getSingleValue(base, child, IPrimitiveType.class)
          .map(IPrimitiveType::getValueAsString)
          .orElse(null);
    }
  }
}
