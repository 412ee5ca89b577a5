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
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A partner (housing office, employment service, a provider receiving referrals) sees and changes
 * only what is addressed to its organisation ({@link PartnerView}), through every path:
 *
 * <ul>
 *   <li>searches are narrowed in the database before they run (performer, owner, {@code _has}),
 *       so result pages and paging links only ever hold the partner's own resources;
 *   <li>every resource about to be returned (read, vread, instance history, {@code _include},
 *       {@code _revinclude}, a page of someone else's search) is checked again and silently left
 *       out, a read answering 404 exactly as for a resource that does not exist;
 *   <li>Patients are returned in their minimum form;
 *   <li>system and type history and {@code $everything} are refused outright (403), whatever the
 *       id asked for, so a refusal never tells whether a record exists;
 *   <li>a write must leave the resource addressed to the partner before and after it.
 * </ul>
 *
 * Callers other than partners pass untouched.
 */
@Interceptor
final class PartnerIsolation implements IConsentService {

  private static final String PATIENT_CACHE = PartnerIsolation.class.getName() + ".patients";
  private static final Set<RestOperationTypeEnum> REFUSED = Set.of(
      RestOperationTypeEnum.HISTORY_SYSTEM, RestOperationTypeEnum.HISTORY_TYPE,
      RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.GRAPHQL_REQUEST);

  private final DaoRegistry daos;

  PartnerIsolation(DaoRegistry daos) {
    this.daos = daos;
  }

  private static Optional<Caller> partner() {
    return Caller.current().filter(Caller::isPartner);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void refuseUnnarrowableRequests(RequestDetails request, RestOperationTypeEnum operation) {
    Optional<Caller> partner = partner();
    if (partner.isEmpty()) {
      return;
    }
    if (REFUSED.contains(operation)) {
      throw new ForbiddenOperationException("Partners may not use " + operation.getCode()
          + ": search the referrals and tasks addressed to you instead");
    }
    String type = request.getResourceName();
    if (type != null && !PartnerView.mayAccessType(type) && !"Bundle".equals(type) ) {
      throw new ForbiddenOperationException("Partners may not access " + type + " resources");
    }
  }

  /** Narrows a partner's search to what is addressed to its organisation, before it runs. */
  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void narrowSearch(RequestDetails request, SearchParameterMap parameters) {
    Optional<Caller> partner = partner();
    if (partner.isEmpty() || request == null) {
      return;
    }
    String organization = "Organization/" + partner.get().organizationId();
    String type = request.getResourceName();
    if (type == null) {
      throw new ForbiddenOperationException("Partners may only search one resource type at a time");
    }
    switch (type) {
      case "ServiceRequest" -> parameters.add("performer", new ReferenceParam(organization));
      case "Task" -> parameters.add("owner", new ReferenceParam(organization));
      case "Observation" -> parameters.add("performer", new ReferenceParam(organization));
      case "Patient" -> parameters.add("_has", new HasParam("ServiceRequest", "subject", "performer", organization));
      default -> {
        if (!PartnerView.SHARED_TYPES.contains(type)) {
          throw new ForbiddenOperationException("Partners may not search " + type + " resources");
        }
      }
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void checkCreate(RequestDetails request, IBaseResource resource) {
    partner().ifPresent(partner -> {
      if (request != null && request.getRestOperationType() == RestOperationTypeEnum.UPDATE
          && !partner.allows(resource.fhirType(), Permission.CREATE)) {
        throw new ForbiddenOperationException("Partners may only update existing " + resource.fhirType() + " resources");
      }
      requireAddressed(partner, resource);
    });
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void checkUpdate(IBaseResource previous, IBaseResource updated) {
    partner().ifPresent(partner -> {
      requireAddressed(partner, previous);
      requireAddressed(partner, updated);
    });
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void checkDelete(IBaseResource resource) {
    partner().ifPresent(partner -> requireAddressed(partner, resource));
  }

  private static void requireAddressed(Caller partner, IBaseResource resource) {
    if (PartnerView.SHARED_TYPES.contains(resource.fhirType()) || !PartnerView.isAddressedTo(resource, partner.organizationId())) {
      throw new ForbiddenOperationException("A partner may only write " + resource.fhirType()
          + " resources addressed to or from its own organisation (Organization/" + partner.organizationId() + ")");
    }
  }

  // IConsentService: the last line, on every resource about to leave.

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    return partner().isPresent() ? ConsentOutcome.PROCEED : ConsentOutcome.AUTHORIZED;
  }

  @Override
  public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    return partner().map(partner -> isVisible(request, resource, partner) ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT)
        .orElse(ConsentOutcome.PROCEED);
  }

  /**
   * Checked again as the resource is about to be shown: pages of a stored search ({@code
   * _getpages}) are loaded without the access check above.
   */
  @Override
  public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    Optional<Caller> partner = partner();
    if (partner.isEmpty() || resource instanceof org.hl7.fhir.instance.model.api.IBaseBundle
        || resource instanceof org.hl7.fhir.instance.model.api.IBaseOperationOutcome) {
      return ConsentOutcome.PROCEED;
    }
    if (!isVisible(request, resource, partner.get())) {
      return ConsentOutcome.REJECT;
    }
    if (resource instanceof Patient patient) {
      return new ConsentOutcome(ConsentOperationStatusEnum.PROCEED, PartnerView.minimumPatient(patient));
    }
    return ConsentOutcome.PROCEED;
  }

  private boolean isVisible(RequestDetails request, IBaseResource resource, Caller partner) {
    if (partner.organizationId() == null) {
      return PartnerView.SHARED_TYPES.contains(resource.fhirType());
    }
    return resource instanceof Patient patient
        ? isReferredTo(request, patient, partner.organizationId())
        : PartnerView.isAddressedTo(resource, partner.organizationId());
  }

  /** Whether a referral about {@code patient} is addressed to the organisation (cached per request). */
  private boolean isReferredTo(RequestDetails request, Patient patient, String organizationId) {
    String patientId = patient.getIdElement().toUnqualifiedVersionless().getValue();
    @SuppressWarnings("unchecked")
    Map<String, Boolean> cache = (Map<String, Boolean>) request.getUserData().computeIfAbsent(PATIENT_CACHE, key -> new HashMap<>());
    return cache.computeIfAbsent(patientId, id -> {
      SearchParameterMap referrals = SearchParameterMap.newSynchronous()
          .add("subject", new ReferenceParam(id))
          .add("performer", new ReferenceParam("Organization/" + organizationId));
      referrals.setCount(1);
      return !daos.getResourceDao(ServiceRequest.class).searchForResourceIds(referrals, new SystemRequestDetails()).isEmpty();
    });
  }
}
