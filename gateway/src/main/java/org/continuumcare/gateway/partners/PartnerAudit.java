package org.continuumcare.gateway.partners;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Optional;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
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

  private final DaoRegistry daos;
  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final PartnerAuditEventMapper mapper;
  private final TransactionTemplate ownTransaction;

  PartnerAudit(DaoRegistry daos, PartnerAuditEventMapper mapper,
      PlatformTransactionManager transactions) {
    this.daos = daos;
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A reference that resolves, or the same text as an identifier when nothing by that id exists. */
  private Reference reference(String reference) {
    IdType id = new IdType(reference);
    boolean exists;
    try {
      daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails());
      exists = true;
    } catch (RuntimeException missing) {
      exists = false;
    }
    return PartnerAuditEventMapper.reference(reference, exists);
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
    String callerOrganization = caller.map(Caller::organizationId).orElse(null);
    try {
      ownTransaction.executeWithoutResult(tx -> {
        AuditEvent event = mapper.refused(interaction,
            partnerId == null ? null : reference("Organization/" + partnerId),
            what == null ? null : reference(what),
            caller.map(Caller::clientId).orElse("anonymous"),
            callerOrganization == null ? null : reference("Organization/" + callerOrganization),
            status, reason);
        auditEvents.create(event, new SystemRequestDetails());
      });
    } catch (RuntimeException failed) {
      log.error("Could not store the AuditEvent of a refused {} request", interaction, failed);
    }
  }
}
