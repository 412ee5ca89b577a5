package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The FHIR data consent decisions need, read from the store as the system (never through the REST
 * server, so no consent or authorisation rule of the caller applies to these lookups).
 */
final class ConsentDirectory implements ConsentLookup {

  private static final int MAX_PART_OF_DEPTH = 8;

  private final DaoRegistry daos;

  ConsentDirectory(DaoRegistry daos) {
    this.daos = daos;
  }

  /** Every SUD disclosure consent of the patient, whatever its status. */
  @Override
  public List<Consent> consentsOf(String patientId) {
    SearchParameterMap params =
        SearchParameterMap.newSynchronous()
            .add(Consent.SP_PATIENT, new ReferenceParam("Patient/" + patientId));
    List<Consent> consents = new ArrayList<>();
    for (IBaseResource resource :
        daos.getResourceDao(Consent.class).searchForResources(params, new SystemRequestDetails())) {
      Consent consent = (Consent) resource;
      if (ConsentEvaluator.isPart2Consent(consent)) {
        consents.add(consent);
      }
    }
    return consents;
  }

  /** How many patients one consent query asks for at most. */
  static final int BATCH = 200;

  /**
   * Every SUD disclosure consent of each of {@code patientIds}, by patient id, in one query per
   * {@link #BATCH} patients (patients without any are absent).
   */
  @Override
  public Map<String, List<Consent>> consentsOf(Collection<String> patientIds) {
    Map<String, List<Consent>> byPatient = new HashMap<>();
    List<String> ids = new ArrayList<>(patientIds);
    for (int from = 0; from < ids.size(); from += BATCH) {
      ReferenceOrListParam patients = new ReferenceOrListParam();
      ids.subList(from, Math.min(ids.size(), from + BATCH))
          .forEach(id -> patients.addOr(new ReferenceParam("Patient/" + id)));
      SearchParameterMap params =
          SearchParameterMap.newSynchronous().add(Consent.SP_PATIENT, patients);
      for (IBaseResource resource :
          daos.getResourceDao(Consent.class)
              .searchForResources(params, new SystemRequestDetails())) {
        Consent consent = (Consent) resource;
        String patient = consent.getPatient().getReferenceElement().getIdPart();
        if (patient != null && ConsentEvaluator.isPart2Consent(consent)) {
          byPatient.computeIfAbsent(patient, key -> new ArrayList<>()).add(consent);
        }
      }
    }
    return byPatient;
  }

  /** The Organization as a recipient: its types and the organisations it is part of. */
  Recipient recipient(String organizationId) {
    Set<String> types = new HashSet<>();
    Set<String> ancestors = new LinkedHashSet<>();
    Optional<Organization> organization = read(Organization.class, organizationId);
    organization.ifPresent(
        org -> {
          for (CodeableConcept type : org.getType()) {
            for (Coding coding : type.getCoding()) {
              types.add(coding.getSystem() + "|" + coding.getCode());
            }
          }
        });
    Optional<Organization> current = organization;
    for (int depth = 0; depth < MAX_PART_OF_DEPTH && current.isPresent(); depth++) {
      String parent = ConsentEvaluator.reference(current.get().getPartOf());
      if (parent == null || !parent.startsWith("Organization/")) {
        break;
      }
      String parentId = parent.substring("Organization/".length());
      if (!ancestors.add(parentId) || parentId.equals(organizationId)) {
        break;
      }
      current = read(Organization.class, parentId);
    }
    return new Recipient(organizationId, types, ancestors);
  }

  /** Task statuses of work still under way. */
  private static final List<String> OPEN_TASK =
      List.of("requested", "received", "accepted", "ready", "in-progress", "on-hold");

  /**
   * Whether the organisation has a treating-provider relationship with the patient (42 CFR
   * 2.31(a)(4)(ii)(B)): an active referral (ServiceRequest) it performs, an open Task it owns, or
   * membership of an active CareTeam of the patient.
   */
  boolean treats(String organizationId, String patientId) {
    ReferenceParam patient = new ReferenceParam("Patient/" + patientId);
    ReferenceParam organization = new ReferenceParam("Organization/" + organizationId);
    SearchParameterMap referrals =
        SearchParameterMap.newSynchronous()
            .add(ServiceRequest.SP_SUBJECT, patient)
            .add(ServiceRequest.SP_PERFORMER, organization)
            .add(ServiceRequest.SP_STATUS, new TokenParam("active"));
    referrals.setLoadSynchronousUpTo(1);
    if (!daos.getResourceDao(ServiceRequest.class)
        .searchForResources(referrals, new SystemRequestDetails())
        .isEmpty()) {
      return true;
    }
    TokenOrListParam open = new TokenOrListParam();
    OPEN_TASK.forEach(status -> open.addOr(new TokenParam(status)));
    SearchParameterMap tasks =
        SearchParameterMap.newSynchronous()
            .add(Task.SP_PATIENT, patient)
            .add(Task.SP_OWNER, organization)
            .add(Task.SP_STATUS, open);
    tasks.setLoadSynchronousUpTo(1);
    if (!daos.getResourceDao(Task.class)
        .searchForResources(tasks, new SystemRequestDetails())
        .isEmpty()) {
      return true;
    }
    SearchParameterMap teams =
        SearchParameterMap.newSynchronous()
            .add(CareTeam.SP_PATIENT, patient)
            .add(CareTeam.SP_STATUS, new TokenParam("active"));
    for (IBaseResource team :
        daos.getResourceDao(CareTeam.class).searchForResources(teams, new SystemRequestDetails())) {
      if (organizations((CareTeam) team).contains(organizationId)) {
        return true;
      }
    }
    return false;
  }

  /** For each CareTeam the consents name as recipient, its member and managing Organizations. */
  Map<String, Set<String>> careTeamOrganizations(List<Consent> consents) {
    Map<String, Set<String>> teams = new HashMap<>();
    for (Consent consent : consents) {
      for (Consent.provisionActorComponent actor : consent.getProvision().getActor()) {
        String target = ConsentEvaluator.reference(actor.getReference());
        if (target == null || !target.startsWith("CareTeam/")) {
          continue;
        }
        String teamId = target.substring("CareTeam/".length());
        teams.computeIfAbsent(
            teamId,
            id -> read(CareTeam.class, id).map(ConsentDirectory::organizations).orElse(Set.of()));
      }
    }
    return teams;
  }

  private static Set<String> organizations(CareTeam team) {
    Set<String> organizations = new HashSet<>();
    List<Reference> references = new ArrayList<>(team.getManagingOrganization());
    team.getParticipant()
        .forEach(
            p -> {
              references.add(p.getMember());
              references.add(p.getOnBehalfOf());
            });
    for (Reference reference : references) {
      String target = ConsentEvaluator.reference(reference);
      if (target != null && target.startsWith("Organization/")) {
        organizations.add(target.substring("Organization/".length()));
      }
    }
    return organizations;
  }

  /** A resource by its {@code Type/id} reference, as the system; empty when absent or deleted. */
  Optional<IBaseResource> read(String reference) {
    IdType id = new IdType(reference);
    if (!id.hasResourceType()
        || !id.hasIdPart()
        || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          daos.getResourceDao(id.getResourceType())
              .read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  private <T extends IBaseResource> Optional<T> read(Class<T> type, String id) {
    try {
      return Optional.of(
          daos.getResourceDao(type)
              .read(new IdType(type.getSimpleName(), id), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }
}
