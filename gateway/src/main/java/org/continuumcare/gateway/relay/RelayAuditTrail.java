package org.continuumcare.gateway.relay;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import org.continuumcare.routes.relay.JournaledAttempt;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the relay's attempt journal into FHIR AuditEvents, a batch per transaction: the journal
 * rows are locked, the AuditEvents created and the rows deleted in one JPA transaction, so every
 * attempt is audited exactly once even across crashes, and the delivery threads never wait for
 * HAPI's AuditEvent create (indexing included), which used to be their largest cost.
 *
 * <p>The batch is stored as one FHIR transaction Bundle, not as one create after another: HAPI's
 * transaction processing resolves the references of all entries at once and flushes once at commit,
 * where a hundred separate creates in one session made Hibernate dirty-check every entity stored so
 * far before each reference lookup (quadratic in the batch; a fifth of the gateway's CPU in the
 * handoff benchmark, where every failed delivery is audited). Within the batch, attempts that
 * differ only in the resource share one AuditEvent (see {@link RelayAuditEventMapper}), so a burst
 * of deliveries to one partner costs a few AuditEvents, not one each.
 */
final class RelayAuditTrail {

  private static final Logger log = LoggerFactory.getLogger(RelayAuditTrail.class);

  static final int BATCH = 100;

  private final IFhirSystemDao<Bundle, Meta> system;
  private final RelayAuditEventMapper mapper;
  private final OutboxStore outbox;
  private final TransactionTemplate transaction;

  RelayAuditTrail(
      IFhirSystemDao<Bundle, Meta> system,
      RelayAuditEventMapper mapper,
      OutboxStore outbox,
      PlatformTransactionManager transactionManager) {
    this.system = system;
    this.mapper = mapper;
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Audits one batch of journaled attempts; returns how many (0: the journal is empty). A batch the
   * FHIR store refuses (a partner or resource deleted since its attempt, say) is stored again one
   * attempt at a time, and an attempt refused on its own is stored with its references as text, so
   * one such attempt can never stop the audit trail, nor, through the relay's audit backpressure,
   * the deliveries.
   */
  public int drain() {
    try {
      return store(BATCH, true);
    } catch (RuntimeException refused) {
      log.warn(
          "Relay audit batch refused by the FHIR store ({}); storing its attempts one at a time",
          refused.getClass().getSimpleName());
      int stored = 0;
      for (int i = 0; i < BATCH; i++) {
        int one;
        try {
          one = store(1, true);
        } catch (RuntimeException alone) {
          log.warn(
              "AuditEvent of a relay attempt refused ({}: {}); stored with its references as text",
              alone.getClass().getSimpleName(),
              alone.getMessage());
          one = store(1, false);
        }
        if (one == 0) {
          break;
        }
        stored += one;
      }
      return stored;
    }
  }

  private int store(int limit, boolean linked) {
    Integer audited =
        transaction.execute(
            status -> {
              List<JournaledAttempt> batch = outbox.lockJournal(limit);
              if (!batch.isEmpty()) {
                Bundle audits = new Bundle().setType(Bundle.BundleType.TRANSACTION);
                for (AuditEvent event : mapper.toAuditEvents(batch, linked)) {
                  audits
                      .addEntry()
                      .setResource(event)
                      .getRequest()
                      .setMethod(Bundle.HTTPVerb.POST)
                      .setUrl("AuditEvent");
                }
                system.transactionNested(new SystemRequestDetails(), audits);
                outbox.forgetJournaled(batch);
              }
              return batch.size();
            });
    return audited == null ? 0 : audited;
  }
}
