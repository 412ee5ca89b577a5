package org.continuumcare.gateway.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.model.PrePatchDetails;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.jpa.searchparam.extractor.PathAndRef;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The {@link AccessGate} on every path that is not a plain read: HAPI calls these hooks for each
 * HTTP request and for each entry of a batch or transaction.
 *
 * <ul>
 *   <li>The caller is bound to the request, so batch entries that HAPI runs on its own threads are
 *       judged as the caller, not as the gateway.
 *   <li>An operation on one resource (read, vread, history, PATCH, update, delete, an instance
 *       operation) by a gated caller first checks that the caller may see that resource now; if
 *       not, the answer is exactly HAPI's answer for an id that does not exist. Deleted resources
 *       answer the same (a 410 would say they existed).
 *   <li>A write (also a transaction entry) may only change what the caller may see now, never moves
 *       a record to another patient or referral, and may only reference records the caller may see:
 *       a reference to a withheld record is refused exactly as one to a missing record.
 *   <li>Searches that select by resources HAPI cannot filter for the caller ({@code _has}, chained
 *       parameters and sorts, {@code _filter}, {@code _list}) are refused with 403 unless they
 *       reach only directory and conformance types, which are never withheld.
 * </ul>
 */
@Interceptor
final class GateInterceptor {

  private static final Set<RestOperationTypeEnum> ON_ONE_RESOURCE =
      Set.of(
          RestOperationTypeEnum.READ,
          RestOperationTypeEnum.VREAD,
          RestOperationTypeEnum.HISTORY_INSTANCE,
          RestOperationTypeEnum.PATCH,
          RestOperationTypeEnum.UPDATE,
          RestOperationTypeEnum.DELETE,
          RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE,
          RestOperationTypeEnum.META,
          RestOperationTypeEnum.META_ADD,
          RestOperationTypeEnum.META_DELETE,
          RestOperationTypeEnum.GET_TAGS,
          RestOperationTypeEnum.ADD_TAGS,
          RestOperationTypeEnum.DELETE_TAGS,
          RestOperationTypeEnum.VALIDATE);

  /** The elements that tie a record to a referral. */
  private static final List<String> REFERRAL_ELEMENTS = List.of("focus", "basedOn");

  private static final List<String> PATIENT_ELEMENTS =
      List.of("subject", "for", "patient", "beneficiary");

  private final AccessGate gate;
  private final FhirContext fhirContext;
  private final ISearchParamExtractor references;
  private final ISearchParamRegistry searchParameters;

  GateInterceptor(
      AccessGate gate,
      FhirContext fhirContext,
      ISearchParamExtractor references,
      ISearchParamRegistry searchParameters) {
    this.gate = gate;
    this.fhirContext = fhirContext;
    this.references = references;
    this.searchParameters = searchParameters;
  }

  /** Binds the caller to the request before anything else looks at it. */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = -2000)
  public boolean bindCaller(RequestDetails request) {
    Caller.of(request);
    return true;
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = 100)
  public void checkTargetResource(RequestDetails request, RestOperationTypeEnum operation) {
    IIdType id = request.getId();
    if (!ON_ONE_RESOURCE.contains(operation)
        || id == null
        || !id.hasIdPart()
        || request.getResourceName() == null
        || gate.isExempt(request)) {
      return;
    }
    IIdType target = id.withResourceType(request.getResourceName()).toUnqualifiedVersionless();
    Optional<IBaseResource> current = gate.readAsGateway(target);
    if (current.isEmpty()) {
      if (operation != RestOperationTypeEnum.UPDATE) {
        throw AccessGate.notKnown(target);
      }
      return; // an update of an unknown id: HAPI decides whether the caller may create by update
    }
    if (!gate.maySee(request, current.get()) && !readsOwnDisclosures(request, operation, target)) {
      throw AccessGate.notKnown(target);
    }
  }

  /**
   * A patient-facing app asking for its launch patient's list of disclosures: the patient may see
   * that list although no referral addresses them to the app's (absent) organisation. The scope
   * rules let such a caller do nothing else.
   */
  private static boolean readsOwnDisclosures(
      RequestDetails request, RestOperationTypeEnum operation, IIdType target) {
    return operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE
        && Caller.DISCLOSURES_OPERATION.equals(request.getOperation())
        && "Patient".equals(target.getResourceType())
        && Caller.of(request)
            .map(caller -> caller.readsOwnDisclosures(target.getIdPart()))
            .orElse(false);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_PREPATCH)
  public void checkPatch(RequestDetails request, PrePatchDetails patch) {
    IBaseResource previous = patch.getResource();
    if (previous != null && !gate.maySee(request, previous)) {
      throw AccessGate.notKnown(previous.getIdElement().withResourceType(previous.fhirType()));
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void checkCreate(RequestDetails request, IBaseResource resource) {
    if (!gate.isExempt(request)) {
      requireVisibleReferences(request, null, resource);
    }
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void checkUpdate(RequestDetails request, IBaseResource previous, IBaseResource updated) {
    if (gate.isExempt(request)) {
      return;
    }
    if (!gate.maySee(request, previous)) {
      throw AccessGate.notKnown(previous.getIdElement().withResourceType(previous.fhirType()));
    }
    requireSame("patient", PATIENT_ELEMENTS, previous, updated);
    requireSame("referral", REFERRAL_ELEMENTS, previous, updated);
    requireVisibleReferences(request, previous, updated);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void checkDelete(RequestDetails request, IBaseResource resource) {
    if (!gate.isExempt(request) && !gate.maySee(request, resource)) {
      throw AccessGate.notKnown(resource.getIdElement().withResourceType(resource.fhirType()));
    }
  }

  /** Refuses what would select records by resources the gate cannot filter (see class comment). */
  @Hook(value = Pointcut.STORAGE_PRESEARCH_REGISTERED, order = -100)
  public void refuseUnfilterableSearches(RequestDetails request, SearchParameterMap parameters) {
    if (request == null || gate.isExempt(request)) {
      return;
    }
    String type = request.getResourceName();
    for (Map.Entry<String, List<List<IQueryParameterType>>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if ("_filter".equals(name) || "_list".equals(name)) {
        throw refused(name, "it selects by records outside this search");
      }
      for (List<IQueryParameterType> alternatives : parameter.getValue()) {
        for (IQueryParameterType value : alternatives) {
          if (value instanceof HasParam has
              && !PartnerView.SHARED_TYPES.contains(has.getTargetResourceType())) {
            throw refused(
                "_has:" + has.getTargetResourceType(),
                "it selects by "
                    + has.getTargetResourceType()
                    + " resources, which may be withheld from this client; search "
                    + has.getTargetResourceType()
                    + " directly");
          }
          if (value instanceof ReferenceParam reference
              && reference.getChain() != null
              && !chainStaysInOpenTypes(type, name, reference)) {
            throw refused(
                name + "." + reference.getChain(),
                "a chained parameter selects by the referenced records,"
                    + " which may be withheld from this client; search by reference ("
                    + name
                    + "=Type/id) instead");
          }
        }
      }
    }
    for (SortSpec sort = parameters.getSort(); sort != null; sort = sort.getChain()) {
      if (sort.getParamName() != null && sort.getParamName().contains(".")) {
        throw refused(
            "_sort=" + sort.getParamName(),
            "a chained sort orders by records which may be withheld");
      }
    }
  }

  private boolean chainStaysInOpenTypes(String type, String name, ReferenceParam reference) {
    if (reference.getChain().contains(".")) {
      return false;
    }
    if (reference.getResourceType() != null) {
      return PartnerView.SHARED_TYPES.contains(reference.getResourceType());
    }
    RuntimeSearchParam definition =
        type == null
            ? null
            : searchParameters.getActiveSearchParam(
                type, name, ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH);
    return definition != null
        && !definition.getTargets().isEmpty()
        && PartnerView.SHARED_TYPES.containsAll(definition.getTargets());
  }

  private static ForbiddenOperationException refused(String construct, String why) {
    return new ForbiddenOperationException(
        "Search with " + construct + " is not available to this client: " + why);
  }

  private void requireSame(
      String what, List<String> elements, IBaseResource previous, IBaseResource updated) {
    if (!targets(previous, elements, what).equals(targets(updated, elements, what))) {
      throw new ForbiddenOperationException(
          "An update may not move a "
              + previous.fhirType()
              + " to another "
              + what
              + " ("
              + previous.fhirType()
              + "."
              + String.join(", ", elements)
              + " must stay as they are)");
    }
  }

  private Set<String> targets(IBaseResource resource, List<String> elements, String what) {
    var definition = fhirContext.getResourceDefinition(resource);
    Set<String> targets = new HashSet<>();
    for (String element : elements) {
      if (definition.getChildByName(element) == null) {
        continue;
      }
      for (IBaseReference reference :
          fhirContext
              .newTerser()
              .getValues(resource, definition.getName() + "." + element, IBaseReference.class)) {
        IIdType id = reference.getReferenceElement();
        if (id != null
            && id.hasIdPart()
            && ("referral".equals(what) || "Patient".equals(id.getResourceType()))) {
          targets.add(id.toUnqualifiedVersionless().getValue());
        }
      }
    }
    return targets;
  }

  /**
   * Every reference {@code resource} makes that {@code previous} did not must point at a record the
   * caller may see; otherwise the write is refused with HAPI's own words for a missing target.
   */
  private void requireVisibleReferences(
      RequestDetails request, IBaseResource previous, IBaseResource resource) {
    Set<String> known = previous == null ? Set.of() : localTargets(previous).keySet();
    for (Map.Entry<String, String> target : localTargets(resource).entrySet()) {
      if (known.contains(target.getKey())) {
        continue;
      }
      IIdType id = new org.hl7.fhir.r4.model.IdType(target.getKey());
      Optional<IBaseResource> referenced = gate.readAsGateway(id);
      if (referenced.isPresent() && !gate.maySee(request, referenced.get())) {
        throw new InvalidRequestException(
            Msg.code(1094)
                + "Resource "
                + id.getResourceType()
                + "/"
                + id.getIdPart()
                + " not found, specified in path: "
                + target.getValue());
      }
    }
  }

  /** Local references as HAPI indexes them (those it checks exist): target id to path. */
  private Map<String, String> localTargets(IBaseResource resource) {
    Map<String, String> targets = new java.util.LinkedHashMap<>();
    for (PathAndRef link : references.extractResourceLinks(resource, false)) {
      IBaseReference reference = link.getRef();
      if (link.isCanonical() || reference == null) {
        continue;
      }
      IIdType id = reference.getReferenceElement();
      if (id == null
          || !id.hasIdPart()
          || !id.hasResourceType()
          || id.isAbsolute()
          || id.isLocal()
          || id.getValue().startsWith("urn:")) {
        continue;
      }
      targets.putIfAbsent(id.toUnqualifiedVersionless().getValue(), link.getPath());
    }
    return targets;
  }
}
