package org.continuumcare.gateway.partners;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Optional;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an AuditEvent for every refused partner request, through HAPI's DAO as the system, in a
 * transaction of its own: the refused change rolls back, its audit record stays.
 */
final class PartnerAudit {

  private static final Logger log = LoggerFactory.getLogger(PartnerAudit.class);

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final PartnerAuditEventMapper mapper;
  private final TransactionTemplate ownTransaction;

  PartnerAudit(DaoRegistry daos, PartnerAuditEventMapper mapper,
      PlatformTransactionManager transactions) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records the refusal; never throws (the caller's own error answer matters more). */
  void rejected(String interaction, String partnerId, String what, RuntimeException refusal) {
    rejected(interaction, partnerId, what,
        refusal instanceof BaseServerResponseException hapi ? hapi.getStatusCode() : 500,
        refusal.getMessage());
  }

  /** Records a refusal answered with {@code status}; never throws. */
  void rejected(String interaction, String partnerId, String what, int status, String reason) {
    Optional<Caller> caller = Caller.current();
    AuditEvent event = mapper.refused(interaction, partnerId, what,
        caller.map(Caller::clientId).orElse("anonymous"),
        caller.map(Caller::organizationId).orElse(null), status, reason);
    try {
      ownTransaction.executeWithoutResult(
          tx -> auditEvents.create(event, new SystemRequestDetails()));
    } catch (RuntimeException failed) {
      log.error("Could not store the AuditEvent of a refused {} request", interaction, failed);
    }
  }
}
