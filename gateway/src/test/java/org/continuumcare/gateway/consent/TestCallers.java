package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.CallerAuthentication;
import org.continuumcare.gateway.security.SmartScopes;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Test support while the resource server is not on (issue 7 in progress): a FHIR server hook that
 * makes the {@link Caller} named by the request header {@link #HEADER} the current caller, the
 * way the resource server does from a bearer token. It never replaces a caller the resource
 * server already set (so with tokens on, the real caller wins), and requests without the header
 * are untouched.
 */
@Interceptor(order = -1000)
final class TestCallers {

  /** {@code clientId;organizationId;ACCESS;purposeOfUse}. */
  static final String HEADER = "X-Continuum-Test-Caller";

  static String header(Caller caller) {
    return caller.clientId() + ";" + caller.organizationId() + ";" + caller.access() + ";"
        + caller.purposeOfUse();
  }

  static Caller caller(String clientId, String organizationId, Caller.Access access, String purpose) {
    return new Caller(clientId, organizationId, access, purpose, SmartScopes.parse("system/*.rs"));
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean setCaller(HttpServletRequest request) {
    String header = request.getHeader(HEADER);
    if (header == null || Caller.current().isPresent()) {
      return true;
    }
    String[] parts = header.split(";", -1);
    Caller caller = caller(parts[0], parts[1], Caller.Access.valueOf(parts[2]),
        "null".equals(parts[3]) ? null : parts[3]);
    Jwt jwt = Jwt.withTokenValue("test").header("alg", "none").claim("sub", caller.clientId()).build();
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, List.of(), caller));
    return true;
  }
}
