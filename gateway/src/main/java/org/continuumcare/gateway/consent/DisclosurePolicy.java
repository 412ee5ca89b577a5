package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.gateway.consent.ConsentDecision.Outcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Consent;

/**
 * Whether one SUD-labelled record may leave to a recipient organisation for a purpose: the record's
 * patient is found through the Patient compartment, the patient's consents and the recipient's
 * organisation data are read from the store, and {@link ConsentEvaluator} decides. One instance per
 * request or delivery: it remembers what it looked up.
 */
final class DisclosurePolicy {

  /** What happens to one resource. */
  enum Verdict {
    /** Not a SUD record: no consent question. */
    NOT_LABELLED,
    /** The recipient is the program the record came from: not a disclosure. */
    OWN_RECORD,
    /** A disclosure a consent permits. */
    DISCLOSE,
    /** A disclosure no consent permits: withhold. */
    WITHHOLD
  }

  /** The verdict for one resource, with the patient and the consent decision behind it. */
  record Ruling(Verdict verdict, Optional<String> patientId, ConsentDecision decision) {}

  private final FhirContext fhirContext;
  private final ConsentDirectory directory;
  private final ConsentLookup consents;
  private final ConsentEvaluator evaluator;
  private final String recipientOrganization;
  private final String purpose;
  private final Map<String, PatientConsents> byPatient = new HashMap<>();

  /** The patients of the page last prefetched (a page is ruled on right after it is prefetched). */
  private final Map<IBaseResource, Optional<String>> pagePatients = new IdentityHashMap<>();

  private Recipient recipient;

  DisclosurePolicy(
      FhirContext fhirContext,
      ConsentDirectory directory,
      ConsentEvaluator evaluator,
      String recipientOrganization,
      String purpose) {
    this(fhirContext, directory, directory, evaluator, recipientOrganization, purpose);
  }

  /** As above, with the patients' consents found in {@code consents} (e.g. a cache of them). */
  DisclosurePolicy(
      FhirContext fhirContext,
      ConsentDirectory directory,
      ConsentLookup consents,
      ConsentEvaluator evaluator,
      String recipientOrganization,
      String purpose) {
    this.fhirContext = fhirContext;
    this.directory = directory;
    this.consents = consents;
    this.evaluator = evaluator;
    this.recipientOrganization = recipientOrganization;
    this.purpose = purpose;
  }

  Ruling rule(IBaseResource resource) {
    if (!SecurityLabels.isPart2(resource)) {
      return new Ruling(Verdict.NOT_LABELLED, Optional.empty(), null);
    }
    Optional<String> known = pagePatients.get(resource);
    Optional<String> patient = known != null ? known : patientOf(fhirContext, resource);
    if (recipientOrganization != null
        && SecurityLabels.sourceProgram(resource)
            .filter(recipientOrganization::equals)
            .isPresent()) {
      return new Ruling(Verdict.OWN_RECORD, patient, null);
    }
    ConsentDecision decision =
        patient
            .map(id -> decisionFor(id, resource))
            .orElse(ConsentDecision.deny(Outcome.NO_CONSENT));
    return new Ruling(
        decision.permitted() ? Verdict.DISCLOSE : Verdict.WITHHOLD, patient, decision);
  }

  /** The recipient organisation's data, read once per request (null without an organisation). */
  Recipient recipient() {
    if (recipient == null && recipientOrganization != null) {
      recipient = directory.recipient(recipientOrganization);
    }
    return recipient;
  }

  /** A patient's consents and what the recipient is to them, looked up once per request. */
  private static final class PatientConsents {
    final List<Consent> consents;
    final Map<String, Set<String>> careTeams;
    Boolean treating;

    PatientConsents(List<Consent> consents, Map<String, Set<String>> careTeams) {
      this.consents = consents;
      this.careTeams = careTeams;
    }
  }

  /**
   * Reads at once the consents of the patients of every SUD record among {@code resources} not
   * looked up yet: one query (per {@link ConsentDirectory#BATCH} patients) instead of one query per
   * patient when each record is ruled on.
   */
  void prefetch(List<IBaseResource> resources) {
    if (recipientOrganization == null) {
      return;
    }
    Set<String> patients = new LinkedHashSet<>();
    pagePatients.clear();
    for (IBaseResource resource : resources) {
      if (resource == null
          || !SecurityLabels.isPart2(resource)
          || SecurityLabels.sourceProgram(resource)
              .filter(recipientOrganization::equals)
              .isPresent()) {
        continue;
      }
      Optional<String> patient = patientOf(fhirContext, resource);
      pagePatients.put(resource, patient);
      patient.filter(id -> !byPatient.containsKey(id)).ifPresent(patients::add);
    }
    if (patients.isEmpty()) {
      return;
    }
    Map<String, List<Consent>> found = consents.consentsOf(patients);
    for (String patient : patients) {
      byPatient.put(patient, consentsOf(found.getOrDefault(patient, List.of())));
    }
  }

  private PatientConsents consentsOf(List<Consent> consents) {
    return new PatientConsents(
        consents, consents.isEmpty() ? Map.of() : directory.careTeamOrganizations(consents));
  }

  private ConsentDecision decisionFor(String patientId, IBaseResource resource) {
    if (recipientOrganization == null) {
      return ConsentDecision.deny(Outcome.WRONG_RECIPIENT);
    }
    PatientConsents known =
        byPatient.computeIfAbsent(patientId, id -> consentsOf(consents.consentsOf(id)));
    if (known.consents.isEmpty()) {
      return ConsentDecision.deny(Outcome.NO_CONSENT);
    }
    return evaluator.evaluate(
        known.consents,
        known.careTeams,
        recipient(),
        purpose,
        resource,
        () -> {
          if (known.treating == null) {
            known.treating = directory.treats(recipientOrganization, patientId);
          }
          return known.treating;
        });
  }

  private static final List<String> SUBJECT_ELEMENTS =
      List.of("for", "subject", "patient", "beneficiary");

  /** The id of the patient whose record this is (the Patient compartment's owner), if any. */
  static Optional<String> patientOf(FhirContext fhirContext, IBaseResource resource) {
    if ("Patient".equals(fhirContext.getResourceType(resource))) {
      return Optional.ofNullable(resource.getIdElement().getIdPart());
    }
    FhirTerser terser = fhirContext.newTerser();
    List<IIdType> owners = terser.getCompartmentOwnersForResource("Patient", resource, Set.of());
    // Compartment parameters may also hold other types (ServiceRequest.performer: an Organization).
    Optional<String> owner =
        owners.stream()
            .filter(id -> "Patient".equals(id.getResourceType()))
            .map(IIdType::getIdPart)
            .filter(java.util.Objects::nonNull)
            .findFirst();
    if (owner.isPresent()) {
      return owner;
    }
    // Not in the R4 Patient compartment (e.g. Task): the element that names whom it is about.
    var definition = fhirContext.getResourceDefinition(resource);
    for (String element : SUBJECT_ELEMENTS) {
      if (definition.getChildByName(element) == null) {
        continue;
      }
      for (org.hl7.fhir.instance.model.api.IBaseReference reference :
          terser.getValues(
              resource,
              definition.getName() + "." + element,
              org.hl7.fhir.instance.model.api.IBaseReference.class)) {
        IIdType id = reference.getReferenceElement();
        if (id != null && "Patient".equals(id.getResourceType()) && id.getIdPart() != null) {
          return Optional.of(id.getIdPart());
        }
      }
    }
    return Optional.empty();
  }
}
