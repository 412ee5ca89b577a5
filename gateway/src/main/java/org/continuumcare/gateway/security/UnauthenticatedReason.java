package org.continuumcare.gateway.security;

import java.text.ParseException;
import java.util.Locale;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Why a request was not authenticated, as a small fixed set (the {@code reason} tag of the metric
 * and the unit of audit sampling). Derived from the exception's type and cause, never from the
 * token.
 */
enum UnauthenticatedReason {
  /** No bearer token at all (no or another kind of Authorization header). */
  MISSING,
  /** Not a bearer token or not a JWT (header syntax, base64, JSON). */
  MALFORMED,
  /** A JWT whose {@code exp} has passed. */
  EXPIRED,
  /** Not signed by the issuer's key: wrong key, wrong algorithm, unsigned ({@code alg: none}). */
  INVALID_SIGNATURE,
  /** Correctly signed but not for us: issuer, audience, not-before. */
  INVALID_CLAIMS,
  /** Anything else the resource server refused. */
  OTHER;

  /** The metric tag value. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  static UnauthenticatedReason of(AuthenticationException exception) {
    if (!(exception instanceof OAuth2AuthenticationException)) {
      return MISSING;
    }
    Throwable cause = exception.getCause();
    if (cause instanceof JwtValidationException invalid) {
      return invalid.getErrors().stream()
              .map(OAuth2Error::getDescription)
              .anyMatch(description -> description != null && description.startsWith("Jwt expired"))
          ? EXPIRED
          : INVALID_CLAIMS;
    }
    if (cause instanceof BadJwtException bad) {
      return causedByParsing(bad) ? MALFORMED : INVALID_SIGNATURE;
    }
    // The bearer token resolver's own refusals ("Bearer token is malformed", several tokens).
    return cause == null ? MALFORMED : OTHER;
  }

  private static boolean causedByParsing(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof ParseException) {
        return true;
      }
    }
    return false;
  }
}
