package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.continuumcare.gateway.consent.DisclosurePolicy.Ruling;
import org.continuumcare.gateway.consent.DisclosurePolicy.Verdict;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * SUD consent on every read (HAPI consent service; see the README "SUD consent").
 *
 * <ul>
 *   <li>No authenticated caller (the gateway's own work) and administrators (who operate the
 *       gateway, the intermediary itself) are not disclosures: the request is authorised as a
 *       whole and nothing is filtered.
 *   <li>Any other caller: every SUD-labelled record whose source program is not the caller's
 *       organisation needs a consent covering the caller's organisation and purpose of use.
 *       Without one the record is left out before paging ({@code canSeeResource}): a read
 *       answers 404 as for a missing resource; search, {@code _include}, {@code _revinclude},
 *       {@code $everything} and history omit it; HAPI removes {@code Bundle.total} and refuses
 *       {@code _total=accurate} and {@code _summary=count} for such callers, so no count
 *       leaks. Disclosed records get {@code NORDSCLCD} and the § 2.32 notice.
 *   <li>The accounting (AuditEvents of disclosures) and SUD consents themselves are visible to
 *       care-team clients and administrators only.
 * </ul>
 *
 * One AuditEvent per patient and outcome is written when the request completes.
 */
final class SudConsentService implements IConsentService {

  private static final String SESSION = SudConsentService.class.getName() + ".session";

  private final FhirContext fhirContext;
  private final ConsentDirectory directory;
  private final ConsentEvaluator evaluator;
  private final DisclosureAuditor auditor;
  private final String notice;
  private final Supplier<Optional<Caller>> callers;

  SudConsentService(FhirContext fhirContext, ConsentDirectory directory, ConsentEvaluator evaluator,
      DisclosureAuditor auditor, String notice, Supplier<Optional<Caller>> callers) {
    this.fhirContext = fhirContext;
    this.directory = directory;
    this.evaluator = evaluator;
    this.auditor = auditor;
    this.notice = notice;
    this.callers = callers;
  }

  /** The per-request state: the caller, its policy, what was decided and logged. */
  private static final class Session {
    final Caller caller;
    final DisclosurePolicy policy;
    final DisclosureLog log = new DisclosureLog();
    final Map<IBaseResource, Ruling> rulings = new IdentityHashMap<>();

    Session(Caller caller, DisclosurePolicy policy) {
      this.caller = caller;
      this.policy = policy;
    }
  }

  /** Whether the consent layer leaves this caller's requests alone (see class comment). */
  static boolean exempt(Optional<Caller> caller) {
    return caller.isEmpty() || caller.get().isAdmin();
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
    Optional<Caller> caller = callers.get();
    if (exempt(caller)) {
      return ConsentOutcome.AUTHORIZED;
    }
    Caller who = caller.get();
    request.getUserData().put(SESSION, new Session(who, new DisclosurePolicy(fhirContext, directory,
        evaluator, who.organizationId(), who.purposeOfUse())));
    return ConsentOutcome.PROCEED;
  }

  @Override
  public boolean shouldProcessCanSeeResource(RequestDetails request, IConsentContextServices services) {
    return session(request) != null;
  }

  @Override
  public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource,
      IConsentContextServices services) {
    Session session = session(request);
    if (session == null) {
      return ConsentOutcome.PROCEED;
    }
    if (isCareTeamOnly(resource)) {
      return careTeamOrAdmin(session.caller) ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
    }
    Ruling ruling = ruling(session, resource);
    if (ruling.verdict() == Verdict.WITHHOLD) {
      session.log.withheld(ruling.patientId().orElse(null), reference(resource),
          ruling.decision().outcome().description());
      return ConsentOutcome.REJECT;
    }
    return ConsentOutcome.PROCEED;
  }

  @Override
  public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource,
      IConsentContextServices services) {
    Session session = session(request);
    if (session == null || !(resource instanceof Resource)) {
      return ConsentOutcome.PROCEED;
    }
    if (isCareTeamOnly(resource)) {
      return careTeamOrAdmin(session.caller) ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT;
    }
    Ruling ruling = ruling(session, resource);
    switch (ruling.verdict()) {
      case WITHHOLD -> {
        // Defence in depth: a path that skipped canSeeResource still withholds.
        session.log.withheld(ruling.patientId().orElse(null), reference(resource),
            ruling.decision().outcome().description());
        return ConsentOutcome.REJECT;
      }
      case DISCLOSE -> {
        markDisclosed((Resource) resource);
        session.log.disclosed(ruling.patientId().orElse(null), reference(resource),
            ruling.decision().consentId().orElse(null));
        return ConsentOutcome.PROCEED;
      }
      default -> {
        return ConsentOutcome.PROCEED;
      }
    }
  }

  @Override
  public void completeOperationSuccess(RequestDetails request, IConsentContextServices services) {
    audit(request);
  }

  @Override
  public void completeOperationFailure(RequestDetails request, BaseServerResponseException exception,
      IConsentContextServices services) {
    audit(request);
  }

  private void audit(RequestDetails request) {
    Session session = session(request);
    if (session == null || session.log.isEmpty()) {
      return;
    }
    String interaction = request.getRestOperationType() == null
        ? "operation" : request.getRestOperationType().getCode();
    auditor.record(session.log.drain(Disclosure.READ, interaction, session.caller.clientId(),
        session.caller.organizationId(), session.caller.purposeOfUse(), request.getRequestId()));
  }

  private Ruling ruling(Session session, IBaseResource resource) {
    return session.rulings.computeIfAbsent(resource, session.policy::rule);
  }

  /** Adds NORDSCLCD and the § 2.32 notice (once). */
  void markDisclosed(Resource resource) {
    SecurityLabels.add(resource, SecurityLabels.ACT_CODE, SecurityLabels.NO_REDISCLOSURE,
        "prohibition on redisclosure without consent directive");
    if (!resource.getMeta().hasExtension(SecurityLabels.NOTICE_EXTENSION)) {
      resource.getMeta().addExtension(SecurityLabels.NOTICE_EXTENSION, new StringType(notice));
    }
  }

  /** Consent AuditEvents and SUD consents reveal that a person has SUD records. */
  static boolean isCareTeamOnly(IBaseResource resource) {
    if (resource instanceof AuditEvent event) {
      for (Coding subtype : event.getSubtype()) {
        if (DisclosureAuditEventMapper.SUBTYPE_SYSTEM.equals(subtype.getSystem())) {
          return true;
        }
      }
      return false;
    }
    return resource instanceof Consent consent && ConsentEvaluator.isPart2Consent(consent);
  }

  private static boolean careTeamOrAdmin(Caller caller) {
    return caller.access() == Caller.Access.CARE_TEAM || caller.isAdmin();
  }

  private static String reference(IBaseResource resource) {
    return resource.getIdElement().toUnqualified().getValue();
  }

  private static Session session(RequestDetails request) {
    return request == null ? null : (Session) request.getUserData().get(SESSION);
  }
}
