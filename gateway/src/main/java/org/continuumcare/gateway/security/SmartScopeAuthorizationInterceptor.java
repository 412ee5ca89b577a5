package org.continuumcare.gateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;

/**
 * HAPI's AuthorizationInterceptor with rules from the caller's SMART scopes ({@link
 * SmartScopeRules}); whatever no rule allows is refused (403, OperationOutcome) and audited.
 */
final class SmartScopeAuthorizationInterceptor extends AuthorizationInterceptor {

  private final SecurityAuditTrail audit;

  SmartScopeAuthorizationInterceptor(SecurityAuditTrail audit) {
    super(PolicyEnum.DENY);
    this.audit = audit;
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    return Caller.of(request)
        .map(SmartScopeRules::rulesFor)
        .orElseGet(
            () ->
                new RuleBuilder()
                    .allow()
                    .metadata()
                    .andThen()
                    .denyAll("no authenticated caller")
                    .build());
  }

  /**
   * Administrators are exempt from every consent service (partner isolation, SUD consent), so
   * HAPI's consent interceptors stand aside for them entirely: their searches keep accurate totals
   * ({@code _total=accurate}, {@code _summary=count}), which the consent interceptors refuse to
   * everyone else because a total could count withheld records. Runs before those interceptors.
   */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = -1000)
  public void exemptAdministratorsFromConsent(RequestDetails request) {
    if (Caller.of(request).map(Caller::isAdmin).orElse(false)) {
      ConsentInterceptor.skipAllConsentForRequest(request);
    }
  }

  /**
   * SMART v2 tells reading by id ({@code r}) from searching ({@code s}); HAPI's read rule covers
   * both, so the finer check is made here, before anything is read.
   */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void checkReadVersusSearch(RequestDetails request, RestOperationTypeEnum operation) {
    SmartScopes.Permission needed =
        switch (operation) {
          case READ, VREAD -> SmartScopes.Permission.READ;
          case SEARCH_TYPE, HISTORY_TYPE, HISTORY_INSTANCE -> SmartScopes.Permission.SEARCH;
          default -> null;
        };
    String type = request.getResourceName();
    Caller caller = Caller.of(request).orElse(null);
    if (needed != null && type != null && caller != null && !caller.allows(type, needed)) {
      throw new ForbiddenOperationException(
          "The token's scopes do not allow "
              + (needed == SmartScopes.Permission.READ ? "reading " : "searching ")
              + type
              + " (SMART scope letter '"
              + needed.letter()
              + "')");
    }
  }

  /** Every refusal by the rules (or by {@link PartnerIsolation}) leaves an AuditEvent. */
  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  public boolean auditRefusal(RequestDetails request, BaseServerResponseException exception) {
    if (exception instanceof ForbiddenOperationException) {
      String method =
          request instanceof ServletRequestDetails servlet
              ? servlet.getServletRequest().getMethod()
              : String.valueOf(request.getRequestType());
      String path =
          request instanceof ServletRequestDetails servlet
              ? servlet.getServletRequest().getRequestURI()
              : request.getRequestPath();
      audit.denied(Caller.of(request).orElse(null), method, path, 403, exception.getMessage());
    }
    return true;
  }
}
