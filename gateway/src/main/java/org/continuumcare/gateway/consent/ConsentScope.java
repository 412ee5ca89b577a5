package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Which records a provision is about (42 CFR 2.31(a)(3), a description of the information to be
 * disclosed): every data criterion the provision states must match the record. Pure.
 *
 * <ul>
 *   <li>{@code class}: the record's resource type ({@code http://hl7.org/fhir/resource-types}, or
 *       no system) or one of its {@code meta.profile}s;
 *   <li>{@code code}: a coding of the record's {@code code}, {@code medication[x]} or {@code
 *       vaccineCode} (system and code);
 *   <li>{@code data}: {@code instance} is the record itself, {@code related} the record or any
 *       record that references it;
 *   <li>{@code securityLabel}: one of the record's {@code meta.security} labels.
 * </ul>
 *
 * A provision that states none of them covers every record.
 */
final class ConsentScope {

  static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
  static final List<String> CODE_ELEMENTS = List.of("code", "medication[x]", "vaccineCode");

  private ConsentScope() {}

  /** Whether every data criterion of {@code provision} matches {@code record}. */
  static boolean covers(Consent.ProvisionComponent provision, IBaseResource record) {
    if (provision.hasClass_()
        && provision.getClass_().stream().noneMatch(c -> isClassOf(c, record))) {
      return false;
    }
    if (provision.hasCode() && !codeMatches(provision.getCode(), codings(record))) {
      return false;
    }
    if (provision.hasData()
        && provision.getData().stream().noneMatch(d -> dataMatches(d, record))) {
      return false;
    }
    return !provision.hasSecurityLabel()
        || provision.getSecurityLabel().stream()
            .anyMatch(
                label ->
                    label.getCode() != null
                        && SecurityLabels.has(
                            record.getMeta().getSecurity(), label.getSystem(), label.getCode()));
  }

  /** Whether the provision states any data criterion (class, code, data or security label). */
  static boolean restrictsData(Consent.ProvisionComponent provision) {
    return provision.hasClass_()
        || provision.hasCode()
        || provision.hasData()
        || provision.hasSecurityLabel();
  }

  /** The resource type a {@code class} coding names, or null for a profile or an unknown system. */
  static String resourceType(Coding coding) {
    if (coding.hasSystem() && !RESOURCE_TYPES.equals(coding.getSystem())) {
      return null;
    }
    return coding.getCode();
  }

  private static boolean isClassOf(Coding coding, IBaseResource record) {
    String code = coding.getCode();
    if (code == null) {
      return false;
    }
    if (code.equals(resourceType(coding)) && code.equals(record.fhirType())) {
      return true;
    }
    return record.getMeta().getProfile().stream().anyMatch(p -> code.equals(p.getValue()));
  }

  private static boolean codeMatches(List<CodeableConcept> wanted, List<Coding> present) {
    for (CodeableConcept concept : wanted) {
      for (Coding coding : concept.getCoding()) {
        for (Coding candidate : present) {
          if (coding.getCode() != null
              && coding.getCode().equals(candidate.getCode())
              && java.util.Objects.equals(coding.getSystem(), candidate.getSystem())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<Coding> codings(IBaseResource record) {
    List<Coding> codings = new ArrayList<>();
    if (!(record instanceof Resource resource)) {
      return codings;
    }
    for (String element : CODE_ELEMENTS) {
      Property property;
      try {
        property = resource.getNamedProperty(element);
      } catch (org.hl7.fhir.exceptions.FHIRException notAnElement) {
        continue;
      }
      if (property == null) {
        continue;
      }
      for (Base value : property.getValues()) {
        if (value instanceof CodeableConcept concept) {
          codings.addAll(concept.getCoding());
        } else if (value instanceof Coding coding) {
          codings.add(coding);
        }
      }
    }
    return codings;
  }

  private static boolean dataMatches(Consent.provisionDataComponent data, IBaseResource record) {
    String target = ConsentEvaluator.reference(data.getReference());
    if (target == null) {
      return false;
    }
    String self =
        record.getIdElement().hasIdPart()
            ? record.fhirType() + "/" + record.getIdElement().getIdPart()
            : null;
    if (target.equals(self)) {
      return true;
    }
    if (data.getMeaning() != Consent.ConsentDataMeaning.RELATED) {
      return false;
    }
    for (Reference reference :
        FhirContext.forR4Cached()
            .newTerser()
            .getAllPopulatedChildElementsOfType(record, Reference.class)) {
      if (target.equals(ConsentEvaluator.reference(reference))) {
        return true;
      }
    }
    return false;
  }
}
