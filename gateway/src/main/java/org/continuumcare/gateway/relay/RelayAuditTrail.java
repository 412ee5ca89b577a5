package org.continuumcare.gateway.relay;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.continuumcare.routes.relay.DeliveryAttempt;
import org.continuumcare.routes.relay.DeliveryAttemptListener;
import org.hl7.fhir.r4.model.AuditEvent;

/** Stores one AuditEvent per delivery attempt in the FHIR store, as the system. */
final class RelayAuditTrail implements DeliveryAttemptListener {

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final RelayAuditEventMapper mapper;

  RelayAuditTrail(DaoRegistry daos, RelayAuditEventMapper mapper) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
  }

  @Override
  public void onAttempt(DeliveryAttempt attempt) {
    auditEvents.create(mapper.toAuditEvent(attempt), new SystemRequestDetails());
  }
}
