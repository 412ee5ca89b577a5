package org.continuumcare.gateway.consent;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.gateway.consent.DisclosurePolicy.Ruling;
import org.continuumcare.gateway.consent.DisclosurePolicy.Verdict;
import org.continuumcare.gateway.security.Access;
import org.continuumcare.gateway.security.AccessRule;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SearchNarrowing;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Resource;

/**
 * SUD consent, as an {@link AccessRule} of the access gate (see the README "SUD consent"): asked
 * for every resource on every path a caller has (reads, searches, includes, history, batch entries,
 * writes over existing records, references a write makes).
 *
 * <ul>
 *   <li>The gateway's own work and administrators (who operate the gateway, the intermediary
 *       itself) are not disclosures: the gate does not ask this rule for them.
 *   <li>Any other caller: every SUD-labelled record whose source program is not the caller's
 *       organisation needs a consent covering the caller's organisation and purpose of use. Without
 *       one the record is withheld exactly as if it did not exist. Disclosed records get {@code
 *       NORDSCLCD} and the § 2.32 notice.
 *   <li>The accounting (AuditEvents of disclosures) and SUD consents themselves are visible to
 *       care-team clients and administrators only.
 * </ul>
 *
 * One AuditEvent per patient and outcome is written when the request completes.
 */
final class SudConsentService implements AccessRule {

  private static final String SESSION = SudConsentService.class.getName() + ".session";

  private final FhirContext fhirContext;
  private final ConsentDirectory directory;
  private final ConsentEvaluator evaluator;
  private final DisclosureAuditor auditor;
  private final String notice;
  private final DisclosureKeyIndex keys;
  private final ConsentGrants grants;
  private final boolean narrowSearches;

  private final Counter breakGlass;

  SudConsentService(
      FhirContext fhirContext,
      ConsentDirectory directory,
      ConsentEvaluator evaluator,
      DisclosureAuditor auditor,
      String notice,
      DisclosureKeyIndex keys,
      ConsentGrants grants,
      boolean narrowSearches,
      MeterRegistry meters) {
    this.narrowSearches = narrowSearches;
    this.keys = keys;
    this.grants = grants;
    this.breakGlass =
        Counter.builder("continuum.consent.break.glass")
            .description(
                "SUD records disclosed without consent in a declared medical emergency (42 CFR 2.51)")
            .register(meters);
    this.fhirContext = fhirContext;
    this.directory = directory;
    this.evaluator = evaluator;
    this.auditor = auditor;
    this.notice = notice;
  }

  /**
   * Rulings a request keeps (several pages' worth): more would hold a whole view run or export in
   * memory.
   */
  static final int REMEMBERED_RULINGS = 5_000;

  /**
   * The per-request state: the caller, its policy, what was decided and logged, and the reason of a
   * declared medical emergency ({@link BreakGlass}), if any.
   */
  private static final class Session {
    final Caller caller;
    final DisclosurePolicy policy;
    final Optional<String> emergency;
    final DisclosureLog log = new DisclosureLog();
    final RecentRulings rulings = new RecentRulings(REMEMBERED_RULINGS);

    Session(Caller caller, DisclosurePolicy policy, Optional<String> emergency) {
      this.caller = caller;
      this.policy = policy;
      this.emergency = emergency;
    }

    String purpose() {
      return emergency.isPresent() ? BreakGlass.PURPOSE : caller.purposeOfUse();
    }
  }

  @Override
  public boolean appliesTo(Caller caller) {
    return !caller.isAdmin();
  }

  /** Checks a break-glass declaration before anything is read (400 without a reason). */
  @Override
  public void started(Access access) {
    session(access);
  }

  @Override
  public boolean maySee(Access access, IBaseResource resource) {
    if (isCareTeamOnly(resource)) {
      return careTeamOrAdmin(access.caller());
    }
    Session session = session(access);
    return ruling(session, resource).verdict() != Verdict.WITHHOLD || session.emergency.isPresent();
  }

  /** The key of every record that is not a SUD record ({@link DisclosureKeyIndex}). */
  static final String OPEN = "open";

  /**
   * Leaves out of a caller's search the SUD records this rule would withhold, by their {@code
   * disclosure-key}: records that are not SUD records, the caller's own program's records, and the
   * records of patients with a consent that could permit a disclosure to the caller's organisation
   * for its purpose ({@link ConsentGrants}). Nothing is narrowed for a declared emergency, for
   * Patient searches (a Patient's key would be its own id, which the index does not hold), or while
   * the index is incomplete.
   */
  @Override
  public Optional<SearchNarrowing> narrowing(Access access, String resourceType) {
    if (!narrowSearches || "Patient".equals(resourceType) || !keys.covers(resourceType)) {
      return Optional.empty();
    }
    Session session = session(access);
    if (session.emergency.isPresent()) {
      return Optional.empty();
    }
    Set<String> codes = new HashSet<>();
    codes.add(OPEN);
    String organization = session.caller.organizationId();
    if (organization != null) {
      codes.add("source:" + organization);
      for (String patient :
          grants.patientsPermitting(session.policy.recipient(), session.caller.purposeOfUse())) {
        codes.add("patient:" + patient);
      }
    }
    return Optional.of(new SearchNarrowing(DisclosureKeyIndex.PARAMETER, codes));
  }

  /** The consents of every patient whose SUD records are on the page, in one query. */
  @Override
  public void loading(Access access, List<IBaseResource> resources) {
    session(access).policy.prefetch(resources);
  }

  @Override
  public IBaseResource shown(Access access, IBaseResource resource) {
    if (!(resource instanceof Resource shown) || isCareTeamOnly(resource)) {
      return resource;
    }
    Session session = session(access);
    Ruling ruling = ruling(session, resource);
    if (ruling.verdict() == Verdict.DISCLOSE) {
      SecurityLabels.markDisclosed(shown, notice, ruling.decision().scope());
      session.log.disclosed(
          ruling.patientId().orElse(null),
          reference(resource),
          ruling.decision().consentId().orElse(null));
    } else if (ruling.verdict() == Verdict.WITHHOLD && session.emergency.isPresent()) {
      // Reached only in a declared emergency (maySee let it through): 42 CFR 2.51.
      SecurityLabels.markDisclosed(shown, notice, Optional.empty());
      session.log.disclosedInEmergency(
          ruling.patientId().orElse(null),
          reference(resource),
          "medical emergency (42 CFR 2.51), declared by "
              + session.caller.clientId()
              + ": "
              + session.emergency.get());
      breakGlass.increment();
    }
    return resource;
  }

  @Override
  public void completed(Access access) {
    Session session = (Session) access.memory().get(SESSION);
    if (session == null || session.log.isEmpty()) {
      return;
    }
    RequestDetails request = access.request();
    String interaction =
        request.getRestOperationType() == null
            ? "operation"
            : request.getRestOperationType().getCode();
    auditor.record(
        session.log.drain(
            Disclosure.READ,
            interaction,
            session.caller.clientId(),
            session.caller.organizationId(),
            session.purpose(),
            request.getRequestId()));
  }

  /** The ruling for one resource, decided once per request (a withheld one is logged then). */
  private Ruling ruling(Session session, IBaseResource resource) {
    Ruling known = session.rulings.get(resource);
    if (known != null) {
      return known;
    }
    Ruling ruling = session.policy.rule(resource);
    session.rulings.put(resource, ruling);
    if (ruling.verdict() == Verdict.WITHHOLD && session.emergency.isEmpty()) {
      session.log.withheld(
          ruling.patientId().orElse(null),
          reference(resource),
          ruling.decision().outcome().description());
    }
    return ruling;
  }

  private Session session(Access access) {
    Session known = (Session) access.memory().get(SESSION);
    if (known != null) {
      return known;
    }
    Optional<String> emergency = BreakGlass.reason(access.request(), access.caller());
    Session session =
        new Session(
            access.caller(),
            new DisclosurePolicy(
                fhirContext,
                directory,
                grants,
                evaluator,
                access.caller().organizationId(),
                access.caller().purposeOfUse()),
            emergency);
    access.memory().put(SESSION, session);
    return session;
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
}
