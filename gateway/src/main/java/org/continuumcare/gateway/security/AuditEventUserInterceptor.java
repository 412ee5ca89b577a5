package org.continuumcare.gateway.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Every AuditEvent stored while a signed-in user's request is handled names that user ({@link
 * AuditedUser}): refusals, disclosures, partner audit, views and measures are all written on the
 * request's thread, as the system, for the caller of the HTTP request (or for the caller bound to
 * the request that writes them). Work that outlives the request (a bulk export) keeps its user and
 * names them itself.
 */
@Interceptor
final class AuditEventUserInterceptor {

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void nameUser(IBaseResource resource, RequestDetails request) {
    if (resource instanceof AuditEvent event) {
      Caller.of(request)
          .or(Caller::current)
          .map(Caller::user)
          .ifPresent(user -> AuditedUser.name(event, user));
    }
  }
}
