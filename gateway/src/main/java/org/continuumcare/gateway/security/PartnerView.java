package org.continuumcare.gateway.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * What a partner organisation may see and change, as pure rules (no HAPI, no Spring): the Referrals
 * ({@code ServiceRequest}) whose performer or requester it is, the Tasks it owns or requested, the
 * Observations it performed, the Patients those referrals are about (in a minimum form, see {@link
 * #minimumPatient}) and directory and conformance resources. Nothing else.
 */
final class PartnerView {

  /** Directory and conformance resources a partner may read whole. */
  static final Set<String> SHARED_TYPES =
      Set.of(
          "Organization",
          "Questionnaire",
          "ValueSet",
          "CodeSystem",
          "ConceptMap",
          "StructureDefinition",
          "SearchParameter",
          "OperationDefinition",
          "CapabilityStatement");

  /** Types whose instances a partner sees when they are addressed to it. */
  static final Set<String> ADDRESSED_TYPES =
      Set.of("ServiceRequest", "Task", "Observation", "Patient");

  private PartnerView() {}

  /** Whether a partner may search or read resources of {@code type} at all. */
  static boolean mayAccessType(String type) {
    return SHARED_TYPES.contains(type) || ADDRESSED_TYPES.contains(type);
  }

  /**
   * Whether {@code resource} is addressed to (or from) {@code organizationId}. Patients are not
   * decided here: they need a look at the referrals ({@link PartnerIsolation}).
   */
  static boolean isAddressedTo(IBaseResource resource, String organizationId) {
    String organization = "Organization/" + organizationId;
    if (resource instanceof ServiceRequest referral) {
      return refersTo(
          Stream.concat(referral.getPerformer().stream(), Stream.of(referral.getRequester())),
          organization);
    }
    if (resource instanceof Task task) {
      return refersTo(Stream.of(task.getOwner(), task.getRequester()), organization);
    }
    if (resource instanceof Observation observation) {
      return refersTo(observation.getPerformer().stream(), organization);
    }
    return SHARED_TYPES.contains(resource.fhirType());
  }

  /**
   * The element naming an organisation that differs between two versions of a resource a partner
   * writes (Task owner or requester, Referral performer or requester, Observation performer), if
   * any: a partner may not hand a record to another organisation.
   */
  static Optional<String> changedOrganisations(IBaseResource previous, IBaseResource updated) {
    if (previous instanceof Task before && updated instanceof Task after) {
      return firstChanged(
          "Task.owner",
          List.of(before.getOwner()),
          List.of(after.getOwner()),
          "Task.requester",
          List.of(before.getRequester()),
          List.of(after.getRequester()));
    }
    if (previous instanceof ServiceRequest before && updated instanceof ServiceRequest after) {
      return firstChanged(
          "ServiceRequest.performer",
          before.getPerformer(),
          after.getPerformer(),
          "ServiceRequest.requester",
          List.of(before.getRequester()),
          List.of(after.getRequester()));
    }
    if (previous instanceof Observation before && updated instanceof Observation after) {
      return firstChanged(
          "Observation.performer",
          before.getPerformer(),
          after.getPerformer(),
          null,
          List.of(),
          List.of());
    }
    return Optional.empty();
  }

  private static Optional<String> firstChanged(
      String firstName,
      List<Reference> firstBefore,
      List<Reference> firstAfter,
      String secondName,
      List<Reference> secondBefore,
      List<Reference> secondAfter) {
    if (!targets(firstBefore).equals(targets(firstAfter))) {
      return Optional.of(firstName);
    }
    if (secondName != null && !targets(secondBefore).equals(targets(secondAfter))) {
      return Optional.of(secondName);
    }
    return Optional.empty();
  }

  private static Set<String> targets(List<Reference> references) {
    Set<String> targets = new java.util.TreeSet<>();
    for (Reference reference : references) {
      if (reference != null && reference.getReferenceElement().hasIdPart()) {
        targets.add(reference.getReferenceElement().toUnqualifiedVersionless().getValue());
      } else if (reference != null && reference.hasIdentifier()) {
        targets.add(
            reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue());
      }
    }
    return targets;
  }

  private static boolean refersTo(Stream<Reference> references, String organization) {
    return references.anyMatch(
        reference ->
            reference != null
                && reference.getReferenceElement().hasIdPart()
                && organization.equals(
                    reference.getReferenceElement().toUnqualifiedVersionless().getValue()));
  }

  /**
   * The Patient as a partner sees it: who the person is and how to reach them (identifiers, name,
   * telecom, gender, birth date, address), nothing of their clinical or social record (no
   * narrative, extensions, contacts, general practitioner, managing organisation, links).
   */
  static Patient minimumPatient(Patient patient) {
    Patient minimum = new Patient();
    minimum.setId(patient.getIdElement());
    minimum.setMeta(patient.getMeta().copy());
    minimum.setIdentifier(copies(patient.getIdentifier()));
    minimum.setActiveElement(patient.getActiveElement().copy());
    minimum.setName(copies(patient.getName()));
    minimum.setTelecom(copies(patient.getTelecom()));
    minimum.setGenderElement(patient.getGenderElement().copy());
    minimum.setBirthDateElement(patient.getBirthDateElement().copy());
    minimum.setAddress(copies(patient.getAddress()));
    return minimum;
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.hl7.fhir.r4.model.Base> List<T> copies(List<T> elements) {
    return elements.stream().map(element -> (T) element.copy()).toList();
  }
}
