package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import org.continuumcare.gateway.consent.DisclosurePolicy.Ruling;
import org.continuumcare.gateway.consent.DisclosurePolicy.Verdict;
import org.continuumcare.routes.relay.Delivery;
import org.continuumcare.routes.relay.DisclosureGate;
import org.continuumcare.routes.relay.OutboxEntry;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUD consent on relays: a labelled record goes to a partner other than its source program only
 * under a consent covering that partner and {@code continuum.consent.relay-purpose} (per partner:
 * {@code relay-purposes}). Otherwise the delivery is held with the reason, the referral Task shows
 * {@code held-for-consent} and a denial AuditEvent is written (once per hold, not at each periodic
 * re-check); a consent recorded later releases it ({@link ConsentArrivalInterceptor}). The gate
 * runs right before each attempt, so a consent revoked while a delivery waits stops it. A permitted
 * disclosure is audited at the first attempt (the relay audits every attempt).
 */
final class ConsentDisclosureGate implements DisclosureGate {

  private static final Logger log = LoggerFactory.getLogger(ConsentDisclosureGate.class);

  private final FhirContext fhirContext;
  private final ConsentDirectory directory;
  private final ConsentEvaluator evaluator;
  private final DisclosureAuditor auditor;
  private final HeldReferrals referrals;
  private final ConsentProperties properties;

  ConsentDisclosureGate(
      FhirContext fhirContext,
      ConsentDirectory directory,
      ConsentEvaluator evaluator,
      DisclosureAuditor auditor,
      HeldReferrals referrals,
      ConsentProperties properties) {
    this.fhirContext = fhirContext;
    this.directory = directory;
    this.evaluator = evaluator;
    this.auditor = auditor;
    this.referrals = referrals;
    this.properties = properties;
  }

  @Override
  public Decision check(Delivery delivery) {
    OutboxEntry entry = delivery.entry();
    IBaseResource resource = delivery.resource();
    String partner = entry.partnerId();
    String purpose = properties.relayPurposeFor(partner);
    Ruling ruling =
        new DisclosurePolicy(fhirContext, directory, evaluator, partner, purpose).rule(resource);
    if (ruling.verdict() == Verdict.NOT_LABELLED || ruling.verdict() == Verdict.OWN_RECORD) {
      return Decision.PERMIT;
    }
    String patient = ruling.patientId().orElse(null);
    if (ruling.verdict() == Verdict.DISCLOSE) {
      // The copy that leaves carries the notice and the consent's scope (42 CFR 2.32).
      if (resource instanceof org.hl7.fhir.r4.model.Resource disclosed) {
        SecurityLabels.markDisclosed(disclosed, properties.notice(), ruling.decision().scope());
      }
      if (entry.attempts() <= 1) {
        audit(entry, patient, purpose, true, ruling);
      }
      try {
        referrals.released(resource);
      } catch (RuntimeException e) {
        log.warn(
            "Consent: could not restore the business status of {}: {}",
            entry.versionedReference(),
            e.getMessage());
      }
      return Decision.PERMIT;
    }
    String reason =
        "SUD record (42 CFR Part 2): "
            + ruling.decision().outcome().description()
            + " to Organization/"
            + partner
            + " for "
            + purpose;
    if (!reason.equals(entry.lastError())) {
      audit(entry, patient, purpose, false, ruling);
      try {
        referrals.held(resource);
      } catch (RuntimeException e) {
        // The hold stands; only the Task's business status could not show it.
        log.warn(
            "Consent: could not mark the referral of {} held: {}",
            entry.versionedReference(),
            e.getMessage());
      }
    }
    return Decision.hold(reason);
  }

  private void audit(
      OutboxEntry entry, String patient, String purpose, boolean disclosed, Ruling ruling) {
    auditor.record(
        List.of(
            new Disclosure(
                Disclosure.RELAY,
                Disclosure.RELAY,
                null,
                entry.partnerId(),
                purpose,
                patient,
                disclosed,
                List.of(entry.versionedReference()),
                disclosed ? ruling.decision().consentId().map(Set::of).orElse(Set.of()) : Set.of(),
                disclosed ? Set.of() : Set.of(ruling.decision().outcome().description()),
                entry.correlationId())));
  }
}
