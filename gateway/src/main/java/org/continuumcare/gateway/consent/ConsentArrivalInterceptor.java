package org.continuumcare.gateway.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.continuumcare.routes.relay.HeldSelection;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a SUD disclosure consent is created or updated, the patient's held relay deliveries come due
 * again once the write has committed: the disclosure gate then decides them with the new consent
 * (and holds them again if it still does not cover them).
 */
@Interceptor
final class ConsentArrivalInterceptor {

  private static final Logger log = LoggerFactory.getLogger(ConsentArrivalInterceptor.class);

  private final OutboxStore outbox;

  ConsentArrivalInterceptor(OutboxStore outbox) {
    this.outbox = outbox;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource) {
    arrived(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource) {
    arrived(resource);
  }

  private void arrived(IBaseResource resource) {
    if (!(resource instanceof Consent consent)
        || !ConsentEvaluator.isPart2Consent(consent)
        || consent.getStatus() != Consent.ConsentState.ACTIVE
        || !consent.getPatient().hasReference()) {
      return;
    }
    String patientId = consent.getPatient().getReferenceElement().getIdPart();
    // Also every held row to each organisation the consent names: rows whose patient the outbox
    // could not tell are released too (the gate holds again whatever the consent does not cover).
    java.util.Set<String> recipients = new java.util.TreeSet<>();
    for (Consent.provisionActorComponent actor : consent.getProvision().getActor()) {
      String target = ConsentEvaluator.reference(actor.getReference());
      if (target != null && target.startsWith("Organization/")) {
        recipients.add(target.substring("Organization/".length()));
      }
    }
    Runnable release =
        () -> {
          int released = outbox.releaseHeld(HeldSelection.patient(patientId));
          for (String recipient : recipients) {
            released += outbox.releaseHeld(HeldSelection.partner(recipient));
          }
          log.info(
              "Consent: a consent arrived; {} held (or being decided) deliveries due again",
              released);
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              release.run();
            }
          });
    } else {
      release.run();
    }
  }
}
