package org.continuumcare.gateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
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
    return Caller.current()
        .map(SmartScopeRules::rulesFor)
        .orElseGet(() -> new RuleBuilder().allow().metadata().andThen().denyAll("no authenticated caller").build());
  }

  /** Every refusal by the rules (or by {@link PartnerIsolation}) leaves an AuditEvent. */
  @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
  public boolean auditRefusal(RequestDetails request, BaseServerResponseException exception) {
    if (exception instanceof ForbiddenOperationException) {
      String method = request instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getMethod() : String.valueOf(request.getRequestType());
      String path = request instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getRequestURI() : request.getRequestPath();
      audit.denied(Caller.current().orElse(null), method, path, 403, exception.getMessage());
    }
    return true;
  }
}
