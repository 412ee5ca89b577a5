package org.continuumcare.gateway.console;

import java.util.List;

/**
 * The security headers of the console's pages: a Content-Security-Policy that allows only the
 * gateway's own scripts, styles and calls (no inline script or style, no framing), no referrer, no
 * MIME sniffing. Pure: the policy is computed once from the configured issuer origins.
 */
final class ConsoleSecurityHeaders {

  static final String CONTENT_TYPE_OPTIONS = "nosniff";
  static final String REFERRER_POLICY = "no-referrer";

  private final String policy;

  ConsoleSecurityHeaders(List<String> issuerOrigins) {
    String issuers = issuerOrigins.isEmpty() ? "" : " " + String.join(" ", issuerOrigins);
    this.policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'"
            + issuers
            + "; form-action 'self'"
            + issuers
            + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  }

  String contentSecurityPolicy() {
    return policy;
  }
}
