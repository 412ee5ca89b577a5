package org.continuumcare.gateway.partners;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * transaction of its own: the refused change rolls back, its audit record stays. The references it
 * names are resolved before that transaction (a lookup of a missing record must not mark it for
 * rollback). An AuditEvent that still cannot be stored is counted in {@code
 * continuum_audit_lost_total{source="partner"}}, which must stay 0.
 */
final class PartnerAudit {

  private static final Logger log = LoggerFactory.getLogger(PartnerAudit.class);

  private final DaoRegistry daos;
  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final PartnerAuditEventMapper mapper;
  private final TransactionTemplate ownTransaction;

  private final Counter lost;

  PartnerAudit(
      DaoRegistry daos,
      PartnerAuditEventMapper mapper,
      PlatformTransactionManager transactions,
      MeterRegistry meters) {
    this.lost =
        Counter.builder("continuum.audit.lost")
            .description("AuditEvents that could not be stored")
            .tag("source", "partner")
            .register(meters);
    this.daos = daos;
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * A reference that resolves, or the same text as an identifier when nothing by that id exists.
   */
  private Reference reference(String reference) {
    IdType id = new IdType(reference);
    boolean exists;
    try {
      // A search, not a read: a missing record is an empty answer, not an exception that would
      // mark a surrounding transaction for rollback.
      exists =
          !daos.getResourceDao(id.getResourceType())
              .searchForResourceIds(
                  SearchParameterMap.newSynchronous("_id", new TokenParam(id.getIdPart())),
                  new SystemRequestDetails())
              .isEmpty();
    } catch (RuntimeException unknownType) {
      exists = false;
    }
    return PartnerAuditEventMapper.reference(reference, exists);
  }

  /** Records the refusal; never throws (the caller's own error answer matters more). */
  void rejected(String interaction, String partnerId, String what, RuntimeException refusal) {
    rejected(
        interaction,
        partnerId,
        what,
        refusal instanceof BaseServerResponseException hapi ? hapi.getStatusCode() : 500,
        refusal.getMessage());
  }

  /** Records a refusal answered with {@code status}; never throws. */
  void rejected(String interaction, String partnerId, String what, int status, String reason) {
    Optional<Caller> caller = Caller.current();
    String callerOrganization = caller.map(Caller::organizationId).orElse(null);
    try {
      Reference partner = partnerId == null ? null : reference("Organization/" + partnerId);
      Reference subject = what == null ? null : reference(what);
      Reference callerReference =
          callerOrganization == null ? null : reference("Organization/" + callerOrganization);
      AuditEvent event =
          mapper.refused(
              interaction,
              partner,
              subject,
              caller.map(Caller::clientId).orElse("anonymous"),
              callerReference,
              status,
              reason);
      ownTransaction.executeWithoutResult(
          tx -> auditEvents.create(event, new SystemRequestDetails()));
    } catch (RuntimeException failed) {
      lost.increment();
      log.error("Could not store the AuditEvent of a refused {} request", interaction, failed);
    }
  }
}
