package org.continuumcare.gateway.relay;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import org.continuumcare.routes.relay.JournaledAttempt;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the relay's attempt journal into FHIR AuditEvents, a batch per transaction: the journal
 * rows are locked, the AuditEvents created and the rows deleted in one JPA transaction, so every
 * attempt is audited exactly once even across crashes, and the delivery threads never wait for
 * HAPI's AuditEvent create (indexing included), which used to be their largest cost.
 */
final class RelayAuditTrail {

  static final int BATCH = 100;

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final RelayAuditEventMapper mapper;
  private final OutboxStore outbox;
  private final TransactionTemplate transaction;

  RelayAuditTrail(DaoRegistry daos, RelayAuditEventMapper mapper, OutboxStore outbox,
      PlatformTransactionManager transactionManager) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Audits one batch of journaled attempts; returns how many (0: the journal is empty). */
  public int drain() {
    Integer audited = transaction.execute(status -> {
      List<JournaledAttempt> batch = outbox.lockJournal(BATCH);
      SystemRequestDetails system = new SystemRequestDetails();
      for (JournaledAttempt journaled : batch) {
        auditEvents.create(mapper.toAuditEvent(journaled.attempt(), journaled.recordedAt()),
            system);
      }
      outbox.forgetJournaled(batch);
      return batch.size();
    });
    return audited == null ? 0 : audited;
  }
}
