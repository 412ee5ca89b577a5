package org.continuumcare.routes.partnerjson;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;

/**
 * What travels with a disclosed SUD record (42 CFR § 2.32): the notice and, when a consent
 * permitted the disclosure, the statement of that consent's scope. The consent gate puts them on
 * the disclosed copy as {@code meta} extensions; a partner that takes JSON instead of FHIR gets
 * them as the object {@code disclosure} ({@code notice}, {@code consentScope}) of the partner JSON,
 * whatever the partner.
 *
 * @param notice the § 2.32 notice
 * @param consentScope the scope of the consent the record was disclosed under; null if none was
 *     stated
 */
public record DisclosureStatement(String notice, String consentScope) {

  /** Extension on {@code meta} carrying the § 2.32 notice. */
  public static final String NOTICE_EXTENSION =
      ContinuumTerminology.BASE + "/StructureDefinition/redisclosure-notice";

  /** Extension on {@code meta} stating the scope of the consent a record was disclosed under. */
  public static final String CONSENT_SCOPE_EXTENSION =
      ContinuumTerminology.BASE + "/StructureDefinition/disclosure-consent-scope";

  /** Name of the object in the partner JSON. */
  public static final String PROPERTY = "disclosure";

  /**
   * The statement the first of {@code resources} that carries a notice carries; empty when none
   * does.
   */
  public static Optional<DisclosureStatement> of(IBaseResource... resources) {
    for (IBaseResource resource : resources) {
      if (resource instanceof Resource r && r.hasMeta()) {
        String notice = text(r, NOTICE_EXTENSION);
        if (notice != null) {
          return Optional.of(new DisclosureStatement(notice, text(r, CONSENT_SCOPE_EXTENSION)));
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Resource resource, String url) {
    Extension extension = resource.getMeta().getExtensionByUrl(url);
    if (extension == null || extension.getValue() == null || !extension.getValue().isPrimitive()) {
      return null;
    }
    String value = extension.getValue().primitiveValue();
    return value == null || value.isBlank() ? null : value;
  }

  /** Adds {@code disclosure} to a partner JSON document. */
  void addTo(ObjectNode document) {
    ObjectNode disclosure = JsonNodeFactory.instance.objectNode().put("notice", notice);
    if (consentScope != null) {
      disclosure.put("consentScope", consentScope);
    }
    document.set(PROPERTY, disclosure);
  }
}
