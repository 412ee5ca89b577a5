package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Readers of AuditEvents over REST ({@code AuditEvent?patient=...&subtype=...}, reads, history) see
 * every disclosure made before their request: the journal is drained first (waiting for a drainer
 * that holds rows). {@code $disclosures} drains its patient's rows itself.
 */
@Interceptor
final class AccountingReads {

  private final DisclosureTrail trail;

  AccountingReads(DisclosureTrail trail) {
    this.trail = trail;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean beforeHandling(RequestDetails request) {
    if ("AuditEvent".equals(request.getResourceName())) {
      trail.drainAll();
    }
    return true;
  }
}
