package org.continuumcare.gateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationConstants;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's ConsentInterceptor with the {@link AccessGate} as its only consent service. Requests the
 * gate does not filter (the gateway's own, administrators, callers no rule applies to) are
 * authorised before HAPI's parameter check, so {@code _total=accurate} and {@code _summary=count}
 * work for them; every filtered caller gets HAPI's behaviour for consent-filtered searches (those
 * parameters refused with 400, {@code Bundle.total} removed), because a count could include
 * withheld records.
 */
@Interceptor(order = AuthorizationConstants.ORDER_CONSENT_INTERCEPTOR)
final class GateConsentInterceptor extends ConsentInterceptor {

  private final AccessGate gate;

  GateConsentInterceptor(AccessGate gate) {
    super(gate);
    this.gate = gate;
  }

  /**
   * Before HAPI asks the gate about each resource of a page, the gate's rules see the whole page,
   * so they can look up what they need in one query rather than one per resource.
   */
  @Override
  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void interceptPreAccess(RequestDetails request, IPreResourceAccessDetails details) {
    if (request != null && Boolean.TRUE.equals(request.getUserData().get(JUDGED_WHEN_SHOWN))) {
      return;
    }
    rulesSeeThePage(request, details.size(), details::getResource);
    super.interceptPreAccess(request, details);
  }

  /**
   * A type search whose matches the rules narrowed is judged as its pages are shown (every resource
   * of a page, included ones too, goes through {@link AccessGate#willSeeResource}), not also as
   * HAPI collects its matches: that would load every match twice to drop almost none.
   */
  static final String JUDGED_WHEN_SHOWN = GateConsentInterceptor.class.getName() + ".whenShown";

  /**
   * Before a caller's search runs, the conditions of the gate's rules ({@link
   * AccessGate#narrowings}) are added to it, so the database leaves out what the rules would
   * withhold. HAPI has already marked the search as not reusable by other callers.
   */
  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void narrow(
      RequestDetails request, ICachedSearchDetails search, SearchParameterMap parameters) {
    if (request == null || search == null) {
      return;
    }
    List<SearchNarrowing> narrowings = gate.narrowings(request, search.getResourceType());
    for (SearchNarrowing narrowing : narrowings) {
      TokenOrListParam codes = new TokenOrListParam();
      narrowing.codes().forEach(code -> codes.addOr(new TokenParam(code)));
      parameters.add(narrowing.parameter(), codes);
    }
    if (!narrowings.isEmpty()
        && request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE) {
      request.getUserData().put(JUDGED_WHEN_SHOWN, Boolean.TRUE);
    }
  }

  /** The rules see a page whole before each of its resources is judged (as on access). */
  @Override
  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void interceptPreShow(RequestDetails request, IPreResourceShowDetails details) {
    rulesSeeThePage(request, details.size(), details::getResource);
    super.interceptPreShow(request, details);
  }

  /** The gate's rules see a page whole (its non-null resources) before each is judged. */
  private void rulesSeeThePage(RequestDetails request, int size, IntFunction<IBaseResource> page) {
    if (request == null || gate.isExempt(request)) {
      return;
    }
    List<IBaseResource> resources = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      IBaseResource resource = page.apply(i);
      if (resource != null) {
        resources.add(resource);
      }
    }
    gate.loading(request, resources);
  }

  @Override
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void interceptPreHandled(RequestDetails request) {
    if (gate.isExempt(request)) {
      authorizeRequest(request);
      return;
    }
    super.interceptPreHandled(request);
  }
}
