package org.continuumcare.gateway.security;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * The one place that decides which caller may see which resource. Every path a resource takes to or
 * through a caller asks it: reads, searches, includes, history, paging, batch and transaction
 * entries and GraphQL (as HAPI's consent service, {@link #canSeeResource}/{@link
 * #willSeeResource}); instance operations, PATCH, updates, deletes and the references a write makes
 * ({@link GateInterceptor}); and the {@code /api} endpoints ({@link #maySee(Caller,
 * IBaseResource)}).
 *
 * <p>A resource is visible when every {@link AccessRule} that applies to the caller allows it, and,
 * for records about other records (AuditEvent, Provenance), when everything they are about is
 * visible too: a record of what happened to a withheld referral is withheld with it.
 *
 * <p>The gateway's own work (no caller, not HTTP) and administrators are not gated. An HTTP request
 * without a caller sees nothing.
 */
public final class AccessGate implements IConsentService {

  private static final String DERIVED_CACHE = AccessGate.class.getName() + ".derived";

  private final List<AccessRule> rules;
  private final DaoRegistry daos;

  public AccessGate(List<AccessRule> rules, DaoRegistry daos) {
    this.rules = List.copyOf(rules);
    this.daos = daos;
  }

  /** Whether nothing is hidden from this request (the gateway itself, administrators). */
  public boolean isExempt(RequestDetails request) {
    if (Caller.isInternal(request)) {
      return true;
    }
    Optional<Caller> caller = Caller.of(request);
    return caller.isPresent() && (caller.get().isAdmin() || rulesFor(caller.get()).isEmpty());
  }

  private List<AccessRule> rulesFor(Caller caller) {
    return rules.stream().filter(rule -> rule.appliesTo(caller)).toList();
  }

  /** Whether the caller of {@code request} may see {@code resource} now. */
  public boolean maySee(RequestDetails request, IBaseResource resource) {
    if (Caller.isInternal(request)) {
      return true;
    }
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return false;
    }
    List<AccessRule> applicable = caller.get().isAdmin() ? List.of() : rulesFor(caller.get());
    if (applicable.isEmpty()) {
      return true;
    }
    Access access = new Access(request, caller.get(), this);
    for (AccessRule rule : applicable) {
      if (!rule.maySee(access, resource)) {
        return false;
      }
    }
    return aboutVisibleRecords(request, resource);
  }

  /**
   * {@code resources} are about to be judged for the caller of {@code request}: the rules that
   * apply may look up what they need for all of them at once ({@link AccessRule#loading}).
   */
  public void loading(RequestDetails request, List<IBaseResource> resources) {
    if (resources.isEmpty() || isExempt(request)) {
      return;
    }
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return;
    }
    Access access = new Access(request, caller.get(), this);
    rulesFor(caller.get()).forEach(rule -> rule.loading(access, resources));
  }

  /**
   * What the rules that apply to the caller of {@code request} add to its search of {@code
   * resourceType} ({@link AccessRule#narrowing}); nothing for requests the gate does not filter.
   */
  public List<SearchNarrowing> narrowings(RequestDetails request, String resourceType) {
    if (resourceType == null || isExempt(request)) {
      return List.of();
    }
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return List.of();
    }
    Access access = new Access(request, caller.get(), this);
    List<SearchNarrowing> narrowings = new ArrayList<>();
    for (AccessRule rule : rulesFor(caller.get())) {
      rule.narrowing(access, resourceType).ifPresent(narrowings::add);
    }
    return narrowings;
  }

  /**
   * {@code page} as the caller of {@code request} is shown it, in order, for paths that read the
   * store as the gateway on a caller's behalf (views, measures): the rules see the whole page first
   * ({@link #loading}), then each resource is decided as a read would be ({@link
   * #willSeeResource}); a withheld one is left out, a narrowed one replaced by the form the caller
   * is shown.
   */
  public List<IBaseResource> shown(RequestDetails request, List<IBaseResource> page) {
    loading(request, page);
    List<IBaseResource> shown = new ArrayList<>(page.size());
    for (IBaseResource resource : page) {
      shown(request, resource).ifPresent(shown::add);
    }
    return shown;
  }

  /**
   * {@code resource} in the form the caller of {@code request} is shown it, or empty when it is
   * withheld: {@link #willSeeResource} as one value (what the rules account for is recorded as for
   * a read). A caller reading a page should let the rules see it first ({@link #loading}).
   */
  public Optional<IBaseResource> shown(RequestDetails request, IBaseResource resource) {
    ConsentOutcome seen = willSeeResource(request, resource, null);
    if (seen.getStatus() == ConsentOperationStatusEnum.REJECT) {
      return Optional.empty();
    }
    return Optional.of(seen.getResource() != null ? seen.getResource() : resource);
  }

  /**
   * Whether {@code caller} may see {@code resource}, outside a FHIR request (the {@code /api}
   * endpoints). What the rules account for is recorded at once.
   */
  public boolean maySee(Caller caller, IBaseResource resource) {
    SystemRequestDetails request = new SystemRequestDetails();
    Caller.bind(request, caller);
    try {
      return maySee(request, resource);
    } finally {
      complete(request);
    }
  }

  /** The answer to a caller for a resource it may not see: the one HAPI gives for a missing id. */
  public static ResourceNotFoundException notKnown(IIdType id) {
    return new ResourceNotFoundException(
        Msg.code(2001) + "Resource " + id.toUnqualifiedVersionless().getValue() + " is not known");
  }

  Optional<IBaseResource> readAsGateway(IIdType id) {
    if (!id.hasResourceType()
        || !id.hasIdPart()
        || !daos.isResourceTypeSupported(id.getResourceType())) {
      return Optional.empty();
    }
    IFhirResourceDao<?> dao = daos.getResourceDao(id.getResourceType());
    try {
      return Optional.ofNullable(
          dao.read(id.toUnqualifiedVersionless(), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  /** AuditEvent and Provenance are visible only if every record they are about is. */
  private boolean aboutVisibleRecords(RequestDetails request, IBaseResource resource) {
    List<Reference> about;
    if (resource instanceof AuditEvent event) {
      about =
          event.getEntity().stream().map(AuditEvent.AuditEventEntityComponent::getWhat).toList();
    } else if (resource instanceof Provenance provenance) {
      about = provenance.getTarget();
    } else {
      return true;
    }
    if (about.isEmpty()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, Boolean> cache =
        (Map<String, Boolean>)
            request.getUserData().computeIfAbsent(DERIVED_CACHE, key -> new HashMap<>());
    for (Reference reference : about) {
      IIdType id = reference.getReferenceElement();
      if (id == null || !id.hasIdPart() || !id.hasResourceType() || id.isAbsolute()) {
        continue;
      }
      String key = id.toUnqualifiedVersionless().getValue();
      Boolean visible = cache.get(key);
      if (visible == null) {
        cache.put(key, Boolean.FALSE); // a cycle of records about each other stays hidden
        visible = readAsGateway(id).map(target -> maySee(request, target)).orElse(false);
        cache.put(key, visible);
      }
      if (!visible) {
        return false;
      }
    }
    return true;
  }

  // HAPI's consent service: the gate as HAPI's ConsentInterceptor sees it.

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    if (isExempt(request)) {
      return ConsentOutcome.AUTHORIZED;
    }
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return ConsentOutcome.REJECT;
    }
    Access access = new Access(request, caller.get(), this);
    rulesFor(caller.get()).forEach(rule -> rule.started(access));
    return ConsentOutcome.PROCEED;
  }

  @Override
  public boolean shouldProcessCanSeeResource(
      RequestDetails request, IConsentContextServices services) {
    return !isExempt(request);
  }

  @Override
  public ConsentOutcome canSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    return maySee(request, resource) ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
  }

  @Override
  public ConsentOutcome willSeeResource(
      RequestDetails request, IBaseResource resource, IConsentContextServices services) {
    if (isExempt(request) || resource instanceof IBaseOperationOutcome) {
      return ConsentOutcome.PROCEED;
    }
    if (resource instanceof IBaseBundle) {
      // A search answered inside a batch: its total could count withheld records.
      if (resource instanceof Bundle bundle) {
        bundle.setTotalElement(null);
      }
      return ConsentOutcome.PROCEED;
    }
    if (!maySee(request, resource)) {
      return ConsentOutcome.REJECT;
    }
    Caller caller = Caller.of(request).orElseThrow();
    Access access = new Access(request, caller, this);
    IBaseResource shown = resource;
    for (AccessRule rule : rulesFor(caller)) {
      shown = rule.shown(access, shown);
    }
    return shown == resource
        ? ConsentOutcome.PROCEED
        : new ConsentOutcome(ConsentOperationStatusEnum.PROCEED, shown);
  }

  @Override
  public void completeOperationSuccess(RequestDetails request, IConsentContextServices services) {
    complete(request);
  }

  @Override
  public void completeOperationFailure(
      RequestDetails request,
      BaseServerResponseException exception,
      IConsentContextServices services) {
    complete(request);
  }

  private void complete(RequestDetails request) {
    Optional<Caller> caller = Caller.of(request);
    if (caller.isEmpty()) {
      return;
    }
    Access access = new Access(request, caller.get(), this);
    rulesFor(caller.get()).forEach(rule -> rule.completed(access));
  }
}
