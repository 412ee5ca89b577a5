package org.continuumcare.gateway.consent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts disclosures and denials and counts them ({@code
 * continuum_consent_disclosures_total{channel,outcome}}). The disclosures of one request (one per
 * patient and outcome) are journaled in one batched insert, in one database transaction: all of
 * them or none; the {@link DisclosureTrail} turns them into AuditEvents off the request thread. A
 * request whose accounting cannot be journaled is counted in {@code
 * continuum_audit_lost_total{source="consent"}} (which must stay 0) and fails. Logs carry counts
 * and channels, never patient ids or resource contents.
 */
final class DisclosureAuditor {

  private static final Logger log = LoggerFactory.getLogger(DisclosureAuditor.class);

  private final DisclosureJournal journal;
  private final Clock clock;
  private final MeterRegistry meters;
  private final TransactionTemplate transaction;
  private final Counter lost;

  DisclosureAuditor(
      DisclosureJournal journal,
      Clock clock,
      PlatformTransactionManager transactions,
      MeterRegistry meters) {
    this.journal = journal;
    this.clock = clock;
    this.meters = meters;
    // PROPAGATION_REQUIRED: a caller already in a transaction (a relay delivery) journals its
    // disclosures in it, so they commit (or roll back) with the delivery's state.
    this.transaction = new TransactionTemplate(transactions);
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
    try {
      transaction.executeWithoutResult(tx -> journal.append(disclosures, clock.instant()));
    } catch (RuntimeException failed) {
      lost.increment(disclosures.size());
      log.error("Could not journal the {} SUD disclosure(s) of a request", disclosures.size());
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
