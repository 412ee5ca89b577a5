package org.continuumcare.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.continuumcare.gateway.web.OperationOutcomeWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filter as FHIR OperationOutcomes, with the RFC 6750 {@code
 * WWW-Authenticate} header. Each 403 is audited; each 401 is counted and sampled into the audit
 * trail ({@link SecurityAuditTrail}). The reason given is the validator's, never the token or
 * anything about the resource asked for.
 */
final class SecurityErrorResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final int MAX_REASON = 200;

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
  private final OperationOutcomeWriter writer;
  private final SecurityAuditTrail audit;

  SecurityErrorResponses(OperationOutcomeWriter writer, SecurityAuditTrail audit) {
    this.writer = writer;
    this.audit = audit;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    bearerEntryPoint.commence(request, response, exception);
    String reason =
        exception instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null
            ? "The bearer token was rejected: " + clean(oauth.getError().getDescription())
            : "Authentication required: send a bearer token (Authorization: Bearer <token>) from the gateway's token issuer";
    audit.unauthenticated(
        UnauthenticatedReason.of(exception), request.getMethod(), request.getRequestURI(), reason);
    writer.write(response, HttpServletResponse.SC_UNAUTHORIZED, "login", reason);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    bearerDenied.handle(request, response, exception);
    Caller caller = Caller.current().orElse(null);
    String reason =
        caller != null && caller.isUserWithoutRole()
            ? noRole(caller.user())
            : "The token's scopes do not allow "
                + request.getMethod()
                + " "
                + request.getRequestURI();
    audit.denied(
        caller,
        request.getMethod(),
        request.getRequestURI(),
        HttpServletResponse.SC_FORBIDDEN,
        reason);
    SecurityContextHolder.clearContext();
    writer.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", reason);
  }

  /** Why a signed-in user with no role in any organisation is refused everything. */
  static String noRole(Caller.User user) {
    return "The user "
        + clean(user.name())
        + " ("
        + clean(user.fhirUser())
        + ") has no role in any organisation, so there is nothing they may see or do: an "
        + "administrator must give them a PractitionerRole in their organisation first";
  }

  /** The validator's message without control characters, bounded (it may quote claim values). */
  static String clean(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", " ");
    return printable.length() > MAX_REASON ? printable.substring(0, MAX_REASON) + "..." : printable;
  }
}
