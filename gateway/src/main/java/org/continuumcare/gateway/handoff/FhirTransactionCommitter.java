package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.continuumcare.gateway.web.RequestIdFilter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.MDC;

/**
 * Commits a FHIR transaction Bundle through HAPI's system DAO, as the REST server would: storage
 * interceptors (profile validation, relay outbox) run inside the same database transaction, and any
 * HAPI exception (422 invalid, 412 ambiguous match, 409 conflict) propagates with nothing stored.
 * Transactions for the same person run one at a time ({@link SamePersonLocks}), so eight clients
 * sending the same handoff at once all get it stored once: the first creates, the others find and
 * update. One that still loses a race (409; e.g. with another gateway instance) is run again, up to
 * {@link #ATTEMPTS} times in all ({@link ConflictRetry}).
 */
public final class FhirTransactionCommitter {

  static final int ATTEMPTS = 6;

  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final ConflictRetry retry;
  private final SamePersonLocks locks = new SamePersonLocks(256);

  public FhirTransactionCommitter(IFhirSystemDao<Bundle, Meta> systemDao) {
    this(
        systemDao,
        new ConflictRetry(
            ATTEMPTS,
            Duration.ofMillis(25),
            base -> ThreadLocalRandom.current().nextLong(base + 1),
            Thread::sleep));
  }

  FhirTransactionCommitter(IFhirSystemDao<Bundle, Meta> systemDao, ConflictRetry retry) {
    this.systemDao = Objects.requireNonNull(systemDao, "systemDao");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  public Bundle commit(Bundle transaction) {
    // The HTTP request's id (when there is one) reaches meta.source, as for REST writes.
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    // HAPI rewrites the Bundle it processes (ids, references): every attempt gets a fresh copy.
    return locks.run(
        transaction,
        () ->
            retry.run(
                () -> {
                  SystemRequestDetails request = new SystemRequestDetails();
                  if (requestId != null) {
                    request.setRequestId(requestId);
                  }
                  return systemDao.transaction(request, transaction.copy());
                }));
  }
}
