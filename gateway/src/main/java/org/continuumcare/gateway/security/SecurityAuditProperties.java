package org.continuumcare.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How refused requests are audited ({@code continuum.security.audit.*}). Refusals of an
 * authenticated client (403) are always audited; unauthenticated ones (401: no, expired or forged
 * bearer token) are all counted in {@code continuum_security_unauthenticated_total{reason}} but
 * only sampled into AuditEvents, so that nobody without a token can grow the audit trail at will.
 *
 * @param unauthenticated the sampling of unauthenticated refusals
 */
@ConfigurationProperties("continuum.security.audit")
public record SecurityAuditProperties(@DefaultValue Unauthenticated unauthenticated) {

  /**
   * At most {@code maxPerWindow} AuditEvents per {@code window} and reason (missing, malformed,
   * expired, invalid_signature, invalid_claims, other). Windows are aligned on the epoch (a {@code
   * 1m} window is a calendar minute). The first AuditEvent after refusals went unaudited says how
   * many of that reason were suppressed since the previous one.
   *
   * @param maxPerWindow AuditEvents per reason and window (default 10, at least 1)
   * @param window the length of a window (default 1m, positive)
   */
  public record Unauthenticated(
      @DefaultValue("10") int maxPerWindow, @DefaultValue("1m") Duration window) {

    public Unauthenticated {
      if (maxPerWindow < 1) {
        throw new IllegalArgumentException(
            "continuum.security.audit.unauthenticated.max-per-window must be at least 1, was "
                + maxPerWindow);
      }
      if (window == null || window.isZero() || window.isNegative() || window.toMillis() < 1) {
        throw new IllegalArgumentException(
            "continuum.security.audit.unauthenticated.window must be a positive duration, was "
                + window);
      }
    }
  }
}
