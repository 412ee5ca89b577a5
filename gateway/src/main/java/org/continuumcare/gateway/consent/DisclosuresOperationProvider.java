package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@code Patient/[id]/$disclosures}: the patient's list of disclosures of SUD records (42 CFR 2.24
 * for disclosures through the gateway as intermediary, 2.25 accounting) of the past {@link
 * DisclosureRetentionInterceptor#RETENTION_YEARS} years, newest first, as a searchset Bundle of the
 * disclosure AuditEvents (reads, relays and emergency disclosures, each with recipient, purpose,
 * records and consent or emergency reason). For the care team and administrators, and for the
 * patient through a patient-facing app (SMART {@code patient/AuditEvent.rs} with the launch context
 * {@code patient} naming this Patient); any other caller gets 403. The gate has checked that the
 * caller may see the Patient; the patient's own list is theirs whole, so the consent services do
 * not filter it. Disclosures not yet stored as AuditEvents (still in the {@link DisclosureJournal})
 * are stored before the list is read.
 */
final class DisclosuresOperationProvider {

  private final DaoRegistry daos;
  private final DisclosureTrail trail;
  private final Clock clock;

  DisclosuresOperationProvider(DaoRegistry daos, DisclosureTrail trail, Clock clock) {
    this.daos = daos;
    this.trail = trail;
    this.clock = clock;
  }

  @Operation(name = "$disclosures", idempotent = true, type = Patient.class)
  public Bundle disclosures(@IdParam IdType patient, RequestDetails request) {
    Caller caller =
        Caller.of(request)
            .orElseThrow(
                () ->
                    new ForbiddenOperationException("$disclosures needs an authenticated caller"));
    boolean ownList = caller.readsOwnDisclosures(patient.getIdPart());
    if (!caller.isAdmin() && caller.access() != Caller.Access.CARE_TEAM && !ownList) {
      throw new ForbiddenOperationException(
          "$disclosures is for the patient, their care team and administrators");
    }
    if (ownList) {
      ConsentInterceptor.skipAllConsentForRequest(request);
    }
    // Disclosures still in the journal are stored first: the list is complete, and every entry is
    // the AuditEvent the patient finds again later (same id), not a provisional copy.
    trail.drainPatient(patient.getIdPart());
    Date since =
        Date.from(
            clock
                .instant()
                .atOffset(ZoneOffset.UTC)
                .minusYears(DisclosureRetentionInterceptor.RETENTION_YEARS)
                .toInstant());
    SearchParameterMap params =
        SearchParameterMap.newSynchronous()
            .add(AuditEvent.SP_PATIENT, new ReferenceParam("Patient/" + patient.getIdPart()))
            .add(
                AuditEvent.SP_SUBTYPE,
                new TokenParam(DisclosureAuditEventMapper.SUBTYPE_SYSTEM, "disclosure"))
            .add(AuditEvent.SP_DATE, new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, since));
    params.setSort(new SortSpec(AuditEvent.SP_DATE, SortOrderEnum.DESC));
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    for (IBaseResource event :
        daos.getResourceDao(AuditEvent.class)
            .searchForResources(params, new SystemRequestDetails())) {
      bundle
          .addEntry()
          .setResource((Resource) event)
          .setFullUrl(event.getIdElement().toUnqualifiedVersionless().getValue());
    }
    bundle.setTotal(bundle.getEntry().size());
    return bundle;
  }
}
