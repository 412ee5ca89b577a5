package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Pure mapper from a stored {@code release-handoff} Composition and the resources it references to
 * the FHIR document (Bundle type {@code document}) the receiving provider gets: the Composition
 * first, then its subject, encounter, author, custodian, receiving organization and every section
 * entry, in that order, once each. Every entry has a {@code urn:uuid} fullUrl derived from the
 * stored {@code Type/id} and every reference between entries is rewritten to it, so the document
 * resolves on its own at the provider; references to resources left out stay as they are. Only
 * resources of the Composition's patient (or without a patient: Organizations and the like) are
 * taken, since the relay's consent decision was made for that patient. The Bundle carries the
 * Composition's security labels; its identifier is left to the relay adapter (the source
 * identifier).
 */
public final class ReleaseHandoffDocumentMapper {

  /** Elements that say whose record a resource is (Patient compartment owners and Task.for). */
  private static final List<String> PATIENT_ELEMENTS =
      List.of("subject", "patient", "for", "beneficiary");

  private final FhirContext fhirContext;
  private final Clock clock;

  public ReleaseHandoffDocumentMapper(FhirContext fhirContext, Clock clock) {
    this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether the resource is a Composition of the release-handoff profile. */
  public static boolean isReleaseHandoff(Object resource) {
    return resource instanceof Composition composition
        && composition.getMeta().hasProfile(PrisonFhir.PROFILE_RELEASE_HANDOFF);
  }

  /**
   * The resources the document needs (versionless {@code Type/id}, in document order, without
   * repeats): subject, encounter, authors, custodian, receiving organization, section entries
   * (nested sections too).
   */
  public static List<String> references(Composition composition) {
    Set<String> references = new LinkedHashSet<>();
    add(references, composition.getSubject());
    add(references, composition.getEncounter());
    composition.getAuthor().forEach(author -> add(references, author));
    add(references, composition.getCustodian());
    for (Extension receiver :
        composition.getExtensionsByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION)) {
      if (receiver.getValue() instanceof Reference reference) {
        add(references, reference);
      }
    }
    addSections(references, composition.getSection());
    return List.copyOf(references);
  }

  /**
   * The document: {@code composition} first, then those of {@code resolved} it may carry, in
   * reference order.
   */
  public Bundle document(Composition composition, List<? extends Resource> resolved) {
    String subject = versionless(composition.getSubject().getReference());
    Map<String, Resource> byReference = new LinkedHashMap<>();
    for (Resource resource : resolved) {
      String key = resource.getIdElement().toUnqualifiedVersionless().getValue();
      if (key != null && ofThePatient(resource, subject)) {
        byReference.putIfAbsent(key, resource);
      }
    }
    List<Resource> ordered = new ArrayList<>();
    ordered.add(composition);
    for (String reference : references(composition)) {
      Resource resource = byReference.get(reference);
      if (resource != null) {
        ordered.add(resource);
      }
    }
    Map<String, String> fullUrls = new LinkedHashMap<>();
    for (Resource resource : ordered) {
      String key = resource.getIdElement().toUnqualifiedVersionless().getValue();
      fullUrls.put(key, "urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    Bundle document = new Bundle().setType(Bundle.BundleType.DOCUMENT);
    document.setTimestamp(Date.from(clock.instant()));
    for (Coding label : composition.getMeta().getSecurity()) {
      document.getMeta().addSecurity(label.copy());
    }
    for (Resource resource : ordered) {
      String key = resource.getIdElement().toUnqualifiedVersionless().getValue();
      Resource copy = resource.copy();
      copy.setIdElement(null);
      copy.getMeta().setVersionId(null);
      copy.getMeta().setLastUpdated(null);
      for (Reference reference :
          fhirContext.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class)) {
        String target = fullUrls.get(versionless(reference.getReference()));
        if (target != null) {
          reference.setReference(target);
        }
      }
      document.addEntry().setFullUrl(fullUrls.get(key)).setResource(copy);
    }
    return document;
  }

  /** The Patient itself, a resource naming the patient, or one that names no patient at all. */
  private boolean ofThePatient(Resource resource, String subject) {
    if (resource instanceof Patient) {
      return resource.getIdElement().toUnqualifiedVersionless().getValue().equals(subject);
    }
    var definition = fhirContext.getResourceDefinition(resource);
    boolean aboutSomeone = false;
    for (String element : PATIENT_ELEMENTS) {
      if (definition.getChildByName(element) == null) {
        continue;
      }
      for (Reference reference :
          fhirContext
              .newTerser()
              .getValues(resource, definition.getName() + "." + element, Reference.class)) {
        String target = versionless(reference.getReference());
        if (target != null && target.startsWith("Patient/")) {
          if (target.equals(subject)) {
            return true;
          }
          aboutSomeone = true;
        }
      }
    }
    return !aboutSomeone && !hasPatientElement(definition);
  }

  private static boolean hasPatientElement(
      ca.uhn.fhir.context.RuntimeResourceDefinition definition) {
    return PATIENT_ELEMENTS.stream()
        .anyMatch(element -> definition.getChildByName(element) != null);
  }

  private static void addSections(
      Set<String> references, List<Composition.SectionComponent> sections) {
    for (Composition.SectionComponent section : sections) {
      section.getEntry().forEach(entry -> add(references, entry));
      addSections(references, section.getSection());
    }
  }

  private static void add(Set<String> references, Reference reference) {
    String value = versionless(reference.getReference());
    if (value != null) {
      references.add(value);
    }
  }

  /**
   * {@code Type/id} of a relative reference (version dropped), else null (absolute, urn, contained,
   * none).
   */
  private static String versionless(String reference) {
    if (reference == null
        || reference.isBlank()
        || reference.startsWith("#")
        || reference.contains(":")) {
      return null;
    }
    IdType id = new IdType(reference);
    return id.hasResourceType() && id.hasIdPart() ? id.toUnqualifiedVersionless().getValue() : null;
  }
}
