package org.continuumcare.gateway.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records refused requests as AuditEvents ({@link RefusalAuditEventMapper}). A failure to store the
 * audit record is logged and never turns a 401/403 into a 500.
 *
 * <p>Every refusal of an authenticated client (403) is audited. Unauthenticated refusals (401) are
 * all counted ({@code continuum_security_unauthenticated_total{reason}}) but sampled into
 * AuditEvents ({@link UnauthenticatedAuditSampler}, {@code continuum.security.audit.*}): anyone can
 * send requests without a valid token, and they must not grow the audit trail at will. Those not
 * audited are counted in {@code continuum_security_unauthenticated_audit_suppressed_total{reason}},
 * and the next AuditEvent of the same reason says how many there were.
 */
@Component
public class SecurityAuditTrail {

  private static final Logger log = LoggerFactory.getLogger(SecurityAuditTrail.class);

  /** Counter of unauthenticated refusals, tag {@code reason}. */
  static final String UNAUTHENTICATED = "continuum.security.unauthenticated";

  /** Counter of unauthenticated refusals not stored as AuditEvents, tag {@code reason}. */
  static final String SUPPRESSED = "continuum.security.unauthenticated.audit.suppressed";

  private final DaoRegistry daos;
  private final RefusalAuditEventMapper mapper;
  private final UnauthenticatedAuditSampler sampler;
  private final Map<UnauthenticatedReason, Counter> refused =
      new EnumMap<>(UnauthenticatedReason.class);
  private final Map<UnauthenticatedReason, Counter> suppressed =
      new EnumMap<>(UnauthenticatedReason.class);

  SecurityAuditTrail(
      DaoRegistry daos, Clock clock, MeterRegistry meters, SecurityAuditProperties properties) {
    this.daos = daos;
    this.mapper = new RefusalAuditEventMapper(clock);
    this.sampler = new UnauthenticatedAuditSampler(properties.unauthenticated(), clock);
    for (UnauthenticatedReason reason : UnauthenticatedReason.values()) {
      refused.put(
          reason,
          Counter.builder(UNAUTHENTICATED)
              .tag("reason", reason.tag())
              .description("Requests refused with 401 (no, expired or forged bearer token)")
              .register(meters));
      suppressed.put(
          reason,
          Counter.builder(SUPPRESSED)
              .tag("reason", reason.tag())
              .description("401 refusals not stored as AuditEvents (sampling)")
              .register(meters));
    }
  }

  /**
   * A request refused with {@code status}, always audited (403 of an authenticated client); {@code
   * caller} is null when there is none.
   */
  public void denied(Caller caller, String method, String path, int status, String reason) {
    store(mapper.refused(caller, method, path, status, reason), method, path, status);
  }

  /** A request refused with 401: counted, and audited unless the sampler suppresses it. */
  void unauthenticated(
      UnauthenticatedReason reason, String method, String path, String description) {
    refused.get(reason).increment();
    OptionalLong admitted = sampler.admit(reason);
    if (admitted.isEmpty()) {
      suppressed.get(reason).increment();
      return;
    }
    store(
        mapper.unauthenticated(reason, method, path, description, admitted.getAsLong()),
        method,
        path,
        401);
  }

  private void store(AuditEvent event, String method, String path, int status) {
    try {
      daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
    } catch (RuntimeException e) {
      log.error(
          "Could not store the AuditEvent of a refused request ({} {} -> {})",
          method,
          path,
          status,
          e);
    }
  }
}
