package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the AuditEvents of disclosures and denials (as the system) and counts them ({@code
 * continuum_consent_disclosures_total{channel,outcome}}). The AuditEvents of one request (one per
 * patient and outcome) are written in one database transaction: all of them or none, and one commit
 * instead of one per patient (a 100-row search page wrote up to 100 transactions). A request whose
 * accounting cannot be stored is counted in {@code continuum_audit_lost_total{source="consent"}}
 * (which must stay 0) and fails. Logs carry counts and channels, never patient ids or resource
 * contents.
 */
final class DisclosureAuditor {

  private static final Logger log = LoggerFactory.getLogger(DisclosureAuditor.class);

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final DisclosureAuditEventMapper mapper;
  private final MeterRegistry meters;
  private final TransactionTemplate transaction;
  private final EntityManager entityManager;
  private final Counter lost;

  DisclosureAuditor(
      DaoRegistry daos,
      DisclosureAuditEventMapper mapper,
      PlatformTransactionManager transactions,
      EntityManager entityManager,
      MeterRegistry meters) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.meters = meters;
    // PROPAGATION_REQUIRED: a caller already in a transaction (a relay delivery) keeps its events
    // in it.
    this.transaction = new TransactionTemplate(transactions);
    this.entityManager = entityManager;
    this.lost =
        Counter.builder("continuum.audit.lost")
            .description("AuditEvents that could not be stored")
            .tag("source", "consent")
            .register(meters);
  }

  void record(List<Disclosure> disclosures) {
    if (disclosures.isEmpty()) {
      return;
    }
    List<AuditEvent> events = disclosures.stream().map(mapper::toAuditEvent).toList();
    try {
      transaction.executeWithoutResult(
          tx -> {
            // Each create resolves the references its search parameters index (patient, records,
            // consents) with a query; in AUTO mode every such query first flushed and dirty-checked
            // all
            // events written so far (quadratic in the page's patients). The lookups only read
            // records
            // that existed before this transaction, so flushing at commit is enough.
            FlushModeType previous = entityManager.getFlushMode();
            entityManager.setFlushMode(FlushModeType.COMMIT);
            try {
              SystemRequestDetails system = new SystemRequestDetails();
              events.forEach(event -> auditEvents.create(event, system));
            } finally {
              entityManager.setFlushMode(previous);
            }
          });
    } catch (RuntimeException failed) {
      lost.increment(events.size());
      log.error(
          "Could not store the {} AuditEvent(s) of a request's SUD disclosures", events.size());
      throw failed;
    }
    for (Disclosure disclosure : disclosures) {
      String outcome = disclosure.disclosed() ? "disclosed" : "withheld";
      meters
          .counter(
              "continuum_consent_disclosures", "channel", disclosure.channel(), "outcome", outcome)
          .increment(disclosure.resources().size());
      log.debug(
          "Consent: {} {} SUD record(s) via {}",
          outcome,
          disclosure.resources().size(),
          disclosure.channel());
    }
  }
}
