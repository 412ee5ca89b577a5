package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Objects;
import org.continuumcare.gateway.web.RequestIdFilter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.MDC;

/**
 * Commits a FHIR transaction Bundle through HAPI's system DAO, as the REST server would: storage
 * interceptors (profile validation, relay outbox) run inside the same database transaction, and any
 * HAPI exception (422 invalid, 412 ambiguous match, 409 conflict) propagates with nothing stored.
 */
public final class FhirTransactionCommitter {

  private final IFhirSystemDao<Bundle, Meta> systemDao;

  public FhirTransactionCommitter(IFhirSystemDao<Bundle, Meta> systemDao) {
    this.systemDao = Objects.requireNonNull(systemDao, "systemDao");
  }

  public Bundle commit(Bundle transaction) {
    SystemRequestDetails request = new SystemRequestDetails();
    // The HTTP request's id (when there is one) reaches meta.source, as for REST writes.
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    if (requestId != null) {
      request.setRequestId(requestId);
    }
    return systemDao.transaction(request, transaction);
  }
}
