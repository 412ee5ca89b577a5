package org.continuumcare.gateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A partner (housing office, employment service, a provider receiving referrals) sees and changes
 * only what is addressed to its organisation ({@link PartnerView}). As an {@link AccessRule} of the
 * {@link AccessGate} it decides visibility on every path; as an interceptor it narrows a partner's
 * searches in the database before they run (performer, owner, {@code _has}), so result pages and
 * paging links only ever hold the partner's own resources, and refuses what cannot be narrowed
 * (system and type history, system search, GraphQL, types a partner never sees).
 *
 * <p>A Patient is visible through a referral or Task addressed to the partner that the partner may
 * see now: one withheld for lack of SUD consent does not count. Patients are shown in their minimum
 * form. A write must leave the resource addressed to the partner, and may not change the
 * organisations it is addressed to or from.
 */
@Interceptor
final class PartnerIsolation implements AccessRule {

  private static final String PATIENT_CACHE = PartnerIsolation.class.getName() + ".patients";
  private static final Set<RestOperationTypeEnum> REFUSED =
      Set.of(
          RestOperationTypeEnum.HISTORY_SYSTEM, RestOperationTypeEnum.HISTORY_TYPE,
          RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.GRAPHQL_REQUEST);

  private final DaoRegistry daos;

  PartnerIsolation(DaoRegistry daos) {
    this.daos = daos;
  }

  private static Optional<Caller> partner(RequestDetails request) {
    return Caller.of(request).filter(Caller::isPartner);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void refuseUnnarrowableRequests(RequestDetails request, RestOperationTypeEnum operation) {
    if (partner(request).isEmpty()) {
      return;
    }
    if (REFUSED.contains(operation)) {
      throw new ForbiddenOperationException(
          "Partners may not use "
              + operation.getCode()
              + ": search the referrals and tasks addressed to you instead");
    }
    String type = request.getResourceName();
    if (type != null && !PartnerView.mayAccessType(type) && !"Bundle".equals(type)) {
      throw new ForbiddenOperationException("Partners may not access " + type + " resources");
    }
  }

  /** Narrows a partner's search to what is addressed to its organisation, before it runs. */
  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void narrowSearch(RequestDetails request, SearchParameterMap parameters) {
    Optional<Caller> partner = partner(request);
    if (partner.isEmpty()) {
      return;
    }
    String organization = "Organization/" + partner.get().organizationId();
    String type = request.getResourceName();
    if (type == null) {
      throw new ForbiddenOperationException("Partners may only search one resource type at a time");
    }
    switch (type) {
      case "ServiceRequest" -> narrow(parameters, "performer", organization);
      case "Task" -> narrow(parameters, "owner", organization);
      case "Observation" -> narrow(parameters, "performer", organization);
      case "Patient" ->
          parameters.add(
              "_has", new HasParam("ServiceRequest", "subject", "performer", organization));
      default -> {
        if (!PartnerView.SHARED_TYPES.contains(type)) {
          throw new ForbiddenOperationException("Partners may not search " + type + " resources");
        }
      }
    }
  }

  /**
   * Adds {@code name=organization} to the search (ANDed with what the partner asked), unless the
   * partner asked for exactly that already: the same parameter twice is a malformed query to HAPI.
   */
  private static void narrow(SearchParameterMap parameters, String name, String organization) {
    List<List<ca.uhn.fhir.model.api.IQueryParameterType>> asked = parameters.get(name);
    boolean already =
        asked != null
            && asked.stream()
                .anyMatch(
                    or ->
                        or.size() == 1
                            && or.get(0) instanceof ReferenceParam reference
                            && reference.getMissing() == null
                            && reference.getChain() == null
                            && organization.equals(reference.getValue()));
    if (!already) {
      parameters.add(name, new ReferenceParam(organization));
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void checkCreate(RequestDetails request, IBaseResource resource) {
    partner(request)
        .ifPresent(
            partner -> {
              if (request.getRestOperationType() == RestOperationTypeEnum.UPDATE
                  && !partner.allows(resource.fhirType(), SmartScopes.Permission.CREATE)) {
                // An update of an id that does not exist: answered as for a record the partner may
                // not see.
                throw AccessGate.notKnown(
                    resource.getIdElement().withResourceType(resource.fhirType()));
              }
              requireAddressed(partner, resource);
            });
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void checkUpdate(RequestDetails request, IBaseResource previous, IBaseResource updated) {
    partner(request)
        .ifPresent(
            partner -> {
              requireAddressed(partner, previous);
              PartnerView.changedOrganisations(previous, updated)
                  .ifPresent(
                      element -> {
                        throw new ForbiddenOperationException(
                            "A partner may not change "
                                + element
                                + ": a record addressed to an organisation stays addressed to it");
                      });
              requireAddressed(partner, updated);
            });
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void checkDelete(RequestDetails request, IBaseResource resource) {
    partner(request).ifPresent(partner -> requireAddressed(partner, resource));
  }

  private static void requireAddressed(Caller partner, IBaseResource resource) {
    if (PartnerView.SHARED_TYPES.contains(resource.fhirType())
        || !PartnerView.isAddressedTo(resource, partner.organizationId())) {
      throw new ForbiddenOperationException(
          "A partner may only write "
              + resource.fhirType()
              + " resources addressed to or from its own organisation (Organization/"
              + partner.organizationId()
              + ")");
    }
  }

  // AccessRule: what a partner sees.

  @Override
  public boolean appliesTo(Caller caller) {
    return caller.isPartner();
  }

  @Override
  public boolean maySee(Access access, IBaseResource resource) {
    String organizationId = access.caller().organizationId();
    if (organizationId == null) {
      return PartnerView.SHARED_TYPES.contains(resource.fhirType());
    }
    return resource instanceof Patient patient
        ? isReferredTo(access, patient, organizationId)
        : PartnerView.isAddressedTo(resource, organizationId);
  }

  @Override
  public IBaseResource shown(Access access, IBaseResource resource) {
    return resource instanceof Patient patient ? PartnerView.minimumPatient(patient) : resource;
  }

  /**
   * Whether a referral or Task about {@code patient} is addressed to the organisation and visible
   * to the partner now (cached per request).
   */
  private boolean isReferredTo(Access access, Patient patient, String organizationId) {
    String patientId = patient.getIdElement().toUnqualifiedVersionless().getValue();
    @SuppressWarnings("unchecked")
    Map<String, Boolean> cache =
        (Map<String, Boolean>)
            access.memory().computeIfAbsent(PATIENT_CACHE, key -> new HashMap<>());
    Boolean known = cache.get(patientId);
    if (known != null) {
      return known;
    }
    String organization = "Organization/" + organizationId;
    boolean visible =
        addressed(ServiceRequest.class, "subject", "performer", patientId, organization).stream()
                .anyMatch(access::maySee)
            || addressed(Task.class, "subject", "owner", patientId, organization).stream()
                .anyMatch(access::maySee);
    cache.put(patientId, visible);
    return visible;
  }

  private List<IBaseResource> addressed(
      Class<? extends IBaseResource> type,
      String patientParameter,
      String organizationParameter,
      String patientId,
      String organization) {
    SearchParameterMap search =
        SearchParameterMap.newSynchronous()
            .add(patientParameter, new ReferenceParam(patientId))
            .add(organizationParameter, new ReferenceParam(organization));
    search.setLoadSynchronousUpTo(50);
    return daos.getResourceDao(type).search(search, new SystemRequestDetails()).getAllResources();
  }
}
