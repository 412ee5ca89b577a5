package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import java.util.function.IntFunction;
import org.continuumcare.gateway.consent.DisclosureAuditEventMapper.Linking;
import org.continuumcare.gateway.consent.DisclosureJournal.Entry;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the disclosure journal into the disclosure AuditEvents, a batch per transaction: the rows
 * are locked, their AuditEvents stored as one FHIR transaction Bundle and the rows deleted in one
 * JPA transaction, so every disclosure is accounted exactly once, across crashes and restarts (rows
 * left at shutdown are drained after the next start), and requests never wait for HAPI's AuditEvent
 * creates.
 *
 * <p>{@link #drainNext()} is the background drainer's step (it skips rows another drainer holds).
 * {@link #drainPatient} and {@link #drainAll} are for readers of the accounting: they wait for rows
 * a drainer holds and return once every row journaled before the call is stored, so what they read
 * next is complete.
 *
 * <p>A batch the store refuses (a record deleted after it was disclosed, before its accounting was
 * stored) is stored one row at a time; a row refused alone is stored with the records named by
 * text, then, if its patient is gone too, with nothing linked: one such row never stops the trail.
 */
final class DisclosureTrail {

  private static final Logger log = LoggerFactory.getLogger(DisclosureTrail.class);

  static final int BATCH = 100;

  private final IFhirSystemDao<Bundle, Meta> system;
  private final DisclosureAuditEventMapper mapper;
  private final DisclosureJournal journal;
  private final TransactionTemplate transaction;

  DisclosureTrail(
      IFhirSystemDao<Bundle, Meta> system,
      DisclosureAuditEventMapper mapper,
      DisclosureJournal journal,
      PlatformTransactionManager transactions) {
    this.system = system;
    this.mapper = mapper;
    this.journal = journal;
    this.transaction = new TransactionTemplate(transactions);
    // Its own transaction even when called from within one: the rows are deleted only with their
    // AuditEvents, and a reader's drain commits before it reads.
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Stores one batch of journal rows no other drainer holds; returns how many (0: none left). */
  int drainNext() {
    return drain(journal::lockNext);
  }

  /** Stores every journal row of the patient; returns how many. */
  int drainPatient(String patientId) {
    long last = journal.lastId();
    int total = 0;
    for (int n; (n = drain(limit -> journal.lockPatient(patientId, last, limit))) > 0; ) {
      total += n;
    }
    return total;
  }

  /** Stores every journal row; returns how many. */
  int drainAll() {
    long last = journal.lastId();
    int total = 0;
    for (int n; (n = drain(limit -> journal.lockUpTo(last, limit))) > 0; ) {
      total += n;
    }
    return total;
  }

  private int drain(IntFunction<List<Entry>> lock) {
    try {
      return store(lock, BATCH, Linking.ALL);
    } catch (RuntimeException refused) {
      log.warn(
          "Disclosure accounting batch refused by the FHIR store ({}); storing it one row at a time",
          refused.getClass().getSimpleName());
      int stored = 0;
      for (int i = 0; i < BATCH; i++) {
        int one = storeOne(lock);
        if (one == 0) {
          break;
        }
        stored += one;
      }
      return stored;
    }
  }

  private int storeOne(IntFunction<List<Entry>> lock) {
    try {
      return store(lock, 1, Linking.ALL);
    } catch (RuntimeException alone) {
      log.warn(
          "Disclosure AuditEvent refused ({}); stored with its records named by text",
          alone.getClass().getSimpleName());
    }
    try {
      return store(lock, 1, Linking.PATIENT);
    } catch (RuntimeException again) {
      log.warn(
          "Disclosure AuditEvent refused again ({}); stored with nothing linked",
          again.getClass().getSimpleName());
      return store(lock, 1, Linking.NONE);
    }
  }

  private int store(IntFunction<List<Entry>> lock, int limit, Linking linking) {
    Integer stored =
        transaction.execute(
            status -> {
              List<Entry> batch = lock.apply(limit);
              if (!batch.isEmpty()) {
                Bundle events = new Bundle().setType(Bundle.BundleType.TRANSACTION);
                for (Entry entry : batch) {
                  AuditEvent event =
                      mapper.toAuditEvent(entry.disclosure(), entry.recorded(), linking);
                  events
                      .addEntry()
                      .setResource(event)
                      .getRequest()
                      .setMethod(Bundle.HTTPVerb.POST)
                      .setUrl("AuditEvent");
                }
                system.transactionNested(new SystemRequestDetails(), events);
                journal.forget(batch);
              }
              return batch.size();
            });
    return stored == null ? 0 : stored;
  }
}
