package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the AuditEvents of disclosures and denials (as the system) and counts them
 * ({@code continuum_consent_disclosures_total{channel,outcome}}). Logs carry counts and
 * channels, never patient ids or resource contents.
 */
final class DisclosureAuditor {

  private static final Logger log = LoggerFactory.getLogger(DisclosureAuditor.class);

  private final IFhirResourceDao<AuditEvent> auditEvents;
  private final DisclosureAuditEventMapper mapper;
  private final MeterRegistry meters;

  DisclosureAuditor(DaoRegistry daos, DisclosureAuditEventMapper mapper, MeterRegistry meters) {
    this.auditEvents = daos.getResourceDao(AuditEvent.class);
    this.mapper = mapper;
    this.meters = meters;
  }

  void record(List<Disclosure> disclosures) {
    for (Disclosure disclosure : disclosures) {
      auditEvents.create(mapper.toAuditEvent(disclosure), new SystemRequestDetails());
      String outcome = disclosure.disclosed() ? "disclosed" : "withheld";
      meters.counter("continuum_consent_disclosures", "channel", disclosure.channel(), "outcome", outcome)
          .increment(disclosure.resources().size());
      log.debug("Consent: {} {} SUD record(s) via {}", outcome, disclosure.resources().size(),
          disclosure.channel());
    }
  }
}
