package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationConstants;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.util.Optional;
import java.util.function.Supplier;
import org.continuumcare.gateway.security.Caller;

/**
 * HAPI's ConsentInterceptor running {@link SudConsentService} only, separate from any other
 * consent service of the server. Requests exempt from SUD consent (no caller, administrators)
 * are authorised before HAPI's parameter check, so {@code _total=accurate} and
 * {@code _summary=count} keep working for them; every other caller gets HAPI's behaviour (those
 * parameters refused with 400, {@code Bundle.total} removed).
 */
@Interceptor(order = AuthorizationConstants.ORDER_CONSENT_INTERCEPTOR)
final class SudConsentInterceptor extends ConsentInterceptor {

  private final Supplier<Optional<Caller>> callers;

  SudConsentInterceptor(SudConsentService service, Supplier<Optional<Caller>> callers) {
    super(service);
    this.callers = callers;
  }

  @Override
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void interceptPreHandled(RequestDetails request) {
    if (SudConsentService.exempt(callers.get())) {
      authorizeRequest(request);
      return;
    }
    super.interceptPreHandled(request);
  }
}
