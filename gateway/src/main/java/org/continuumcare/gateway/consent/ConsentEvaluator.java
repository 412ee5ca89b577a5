package org.continuumcare.gateway.consent;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.continuumcare.gateway.consent.ConsentDecision.Outcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Decides whether a patient's {@code sud-disclosure-consent}s let a record travel to a recipient
 * for a purpose now (pure; the clock is injected).
 *
 * <p>A consent permits when all of these hold: {@code status} is {@code active}; {@code category}
 * holds {@code v3-ActCode#42CFRPart2}; {@code provision.type} is {@code permit}; {@code
 * provision.period} covers now (start inclusive, end inclusive to its precision: an end date of
 * {@code 2027-11-21} lasts the whole day); an actor with role {@code
 * extra-security-role-type#dataprocessor} references {@code Organization/continuum-gateway}; an
 * actor with role {@code v3-ParticipationType#IRCP} names the recipient, as {@code
 * Organization/<id>}, an Organization it is part of, a {@code CareTeam} the organisation belongs to
 * or, for a class of recipients, a reference whose {@code identifier} is one of the recipient's
 * {@code Organization.type} codings ({@code system} + {@code value} = code); {@code
 * provision.purpose} lists the purpose of use (v3 ActReason code) or a purpose it specialises
 * ({@link PurposesOfUse}: a consent for {@code TREAT} covers {@code COC}); a purpose of legal
 * proceedings is never covered, whatever a consent lists (42 CFR 2.31(d)).
 *
 * <p>What may be disclosed (42 CFR 2.31(a)(3)): the provision's {@code class}, {@code code}, {@code
 * data} and {@code securityLabel} must cover the record ({@link ConsentScope}); a nested provision
 * whose criteria (period, actor, purpose and data criteria) all match the disclosure is an
 * exception of its own type to the provision it is in, and among siblings a deny wins. A recipient
 * named only by class ({@code Organization.type}) must also have a treating-provider relationship
 * with the patient (42 CFR 2.31(a)(4)(ii)(B)), which the caller tells.
 */
public final class ConsentEvaluator {

  static final String INTERMEDIARY_ROLE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
  static final String INTERMEDIARY_ROLE = "dataprocessor";
  static final String RECIPIENT_ROLE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  static final String RECIPIENT_ROLE = "IRCP";

  private final Clock clock;
  private final String intermediaryOrganizationId;
  private final PurposesOfUse purposes;

  public ConsentEvaluator(Clock clock, String intermediaryOrganizationId, PurposesOfUse purposes) {
    this.clock = clock;
    this.intermediaryOrganizationId = intermediaryOrganizationId;
    this.purposes = purposes;
  }

  /**
   * The best decision any of {@code consents} gives for disclosing {@code record}.
   *
   * @param consents the patient's consents (any status)
   * @param careTeamOrganizations for each CareTeam id the consents name, the Organization ids that
   *     are its members or manage it
   * @param recipient who would receive the record
   * @param purpose the purpose of use, a v3 ActReason code
   * @param record the record to disclose
   * @param treating whether the recipient has a treating-provider relationship with the patient
   *     (asked only for a recipient the consent names by class)
   */
  public ConsentDecision evaluate(
      Collection<Consent> consents,
      Map<String, Set<String>> careTeamOrganizations,
      Recipient recipient,
      String purpose,
      IBaseResource record,
      BooleanSupplier treating) {
    Instant now = clock.instant();
    for (Consent consent : consents) {
      if (restricts(consent, careTeamOrganizations, recipient, purpose, now, record)) {
        return ConsentDecision.deny(Outcome.RESTRICTED);
      }
    }
    Outcome best = Outcome.NO_CONSENT;
    for (Consent consent : consents) {
      Outcome outcome =
          evaluate(consent, careTeamOrganizations, recipient, purpose, now, record, treating);
      if (outcome == Outcome.PERMIT) {
        return ConsentDecision.permit(
            consent.getIdElement().toUnqualifiedVersionless().getValue(),
            ConsentStatement.of(consent));
      }
      if (outcome.ordinal() < best.ordinal()) {
        best = outcome;
      }
    }
    return ConsentDecision.deny(best);
  }

  private Outcome evaluate(
      Consent consent,
      Map<String, Set<String>> careTeams,
      Recipient recipient,
      String purpose,
      Instant now,
      IBaseResource record,
      BooleanSupplier treating) {
    if (!isPart2Consent(consent)) {
      return Outcome.NO_CONSENT;
    }
    if (consent.getStatus() != ConsentState.ACTIVE) {
      return Outcome.INACTIVE;
    }
    Consent.ProvisionComponent provision = consent.getProvision();
    if (provision.getType() != Consent.ConsentProvisionType.PERMIT) {
      return Outcome.NO_CONSENT;
    }
    Period period = provision.getPeriod();
    if (!period.hasEnd() || !now.isBefore(endExclusive(period.getEndElement()))) {
      return Outcome.EXPIRED;
    }
    if (period.hasStart() && now.isBefore(period.getStart().toInstant())) {
      return Outcome.NOT_YET_VALID;
    }
    if (provision.getActor().stream().noneMatch(this::isIntermediary)) {
      return Outcome.NO_INTERMEDIARY;
    }
    if (provision.getActor().stream()
        .noneMatch(
            actor ->
                hasRole(actor.getRole(), RECIPIENT_ROLE_SYSTEM, RECIPIENT_ROLE)
                    && namesDirectly(actor.getReference(), recipient, careTeams))) {
      if (provision.getActor().stream()
          .noneMatch(
              actor ->
                  hasRole(actor.getRole(), RECIPIENT_ROLE_SYSTEM, RECIPIENT_ROLE)
                      && namesClass(actor.getReference(), recipient))) {
        return Outcome.WRONG_RECIPIENT;
      }
      if (!treating.getAsBoolean()) {
        return Outcome.NO_TREATING_RELATIONSHIP;
      }
    }
    if (purpose != null && purposes.isLegalProceedings(purpose)) {
      return Outcome.LEGAL_PROCEEDINGS;
    }
    if (purpose == null
        || provision.getPurpose().stream()
            .noneMatch(
                p ->
                    SecurityLabels.ACT_REASON.equals(p.getSystem())
                        && purposes.covers(p.getCode(), purpose))) {
      return Outcome.WRONG_PURPOSE;
    }
    if (!ConsentScope.covers(provision, record)) {
      return Outcome.OUT_OF_SCOPE;
    }
    return permits(provision, careTeams, recipient, purpose, now, record)
        ? Outcome.PERMIT
        : Outcome.EXCLUDED;
  }

  /**
   * What of a consent can be judged without the record it would disclose: a SUD consent that is
   * active and permits, with its period, whether it names the gateway as intermediary, whom it
   * names as recipients and for which purposes. Kept for every stored consent so a caller's
   * searches can skip the records of patients with no consent that could permit ({@link
   * #mayPermit}).
   *
   * @param patientId the consent's patient
   * @param start the provision's start, or null
   * @param endExclusive the first instant after the provision's period (a consent needs an end)
   * @param organizations Organization ids named as recipients
   * @param namesCareTeam whether a CareTeam is named as a recipient (its members may change)
   * @param classes recipient classes named ({@code system|value} of an Organization.type)
   * @param purposes the ActReason codes of the provision
   */
  public record Grant(
      String patientId,
      Instant start,
      Instant endExclusive,
      Set<String> organizations,
      boolean namesCareTeam,
      Set<String> classes,
      Set<String> purposes) {}

  /**
   * The grant of a consent, or empty when it can never permit a disclosure through this gateway
   * (not a SUD consent, not active, a deny, no end, no intermediary, no recipient, no patient).
   */
  public Optional<Grant> grantOf(Consent consent) {
    Consent.ProvisionComponent provision = consent.getProvision();
    String patient = part2PatientOf(consent);
    if (patient == null
        || consent.getStatus() != ConsentState.ACTIVE
        || provision.getType() != Consent.ConsentProvisionType.PERMIT
        || !provision.getPeriod().hasEnd()
        || provision.getActor().stream().noneMatch(this::isIntermediary)) {
      return Optional.empty();
    }
    Set<String> organizations = new HashSet<>();
    Set<String> classes = new HashSet<>();
    boolean careTeam = false;
    for (provisionActorComponent actor : provision.getActor()) {
      if (!hasRole(actor.getRole(), RECIPIENT_ROLE_SYSTEM, RECIPIENT_ROLE)) {
        continue;
      }
      String target = reference(actor.getReference());
      if (target != null && target.startsWith("Organization/")) {
        organizations.add(target.substring("Organization/".length()));
      } else if (target != null && target.startsWith("CareTeam/")) {
        careTeam = true;
      } else if (actor.getReference() != null
          && !actor.getReference().hasReference()
          && actor.getReference().getIdentifier().hasSystem()
          && actor.getReference().getIdentifier().hasValue()) {
        Identifier identifier = actor.getReference().getIdentifier();
        classes.add(identifier.getSystem() + "|" + identifier.getValue());
      }
    }
    if (organizations.isEmpty() && classes.isEmpty() && !careTeam) {
      return Optional.empty();
    }
    Set<String> listed = new HashSet<>();
    for (Coding purpose : provision.getPurpose()) {
      if (SecurityLabels.ACT_REASON.equals(purpose.getSystem()) && purpose.getCode() != null) {
        listed.add(purpose.getCode());
      }
    }
    Period period = provision.getPeriod();
    return Optional.of(
        new Grant(
            patient,
            period.hasStart() ? period.getStart().toInstant() : null,
            endExclusive(period.getEndElement()),
            Set.copyOf(organizations),
            careTeam,
            Set.copyOf(classes),
            Set.copyOf(listed)));
  }

  /**
   * Whether a consent with this grant could permit some record to {@code recipient} for {@code
   * purpose} now: {@link #evaluate} permits nothing that this refuses (it asks the same of the
   * consent, then more of the record). A CareTeam recipient counts as naming the recipient, and a
   * recipient named by class as having a treating relationship, since both may change without the
   * consent changing.
   */
  public boolean mayPermit(Grant grant, Recipient recipient, String purpose) {
    return mayPermit(recipient, purpose).test(grant);
  }

  /**
   * {@link #mayPermit(Grant, Recipient, String)} for many grants: what does not depend on the grant
   * (the purpose's standing, which listed purposes cover it) is worked out once.
   */
  public Predicate<Grant> mayPermit(Recipient recipient, String purpose) {
    if (purpose == null || purposes.isLegalProceedings(purpose)) {
      return grant -> false;
    }
    Instant now = clock.instant();
    Map<String, Boolean> covering = new HashMap<>();
    return grant -> {
      if (!now.isBefore(grant.endExclusive())
          || (grant.start() != null && now.isBefore(grant.start()))) {
        return false;
      }
      boolean named =
          grant.namesCareTeam()
              || grant.organizations().contains(recipient.organizationId())
              || grant.organizations().stream().anyMatch(recipient.ancestors()::contains)
              || grant.classes().stream().anyMatch(recipient.types()::contains);
      return named
          && grant.purposes().stream()
              .anyMatch(
                  listed ->
                      covering.computeIfAbsent(listed, code -> purposes.covers(code, purpose)));
    };
  }

  /**
   * Whether {@code consent} is a restriction the patient requested (42 CFR 2.26): an active SUD
   * consent whose provision denies, and whose criteria (period, actor, purpose, data) match this
   * disclosure (less its nested permit exceptions). A restriction wins over every permit.
   */
  private boolean restricts(
      Consent consent,
      Map<String, Set<String>> careTeams,
      Recipient recipient,
      String purpose,
      Instant now,
      IBaseResource record) {
    Consent.ProvisionComponent provision = consent.getProvision();
    return isPart2Consent(consent)
        && consent.getStatus() == ConsentState.ACTIVE
        && provision.getType() == Consent.ConsentProvisionType.DENY
        && matches(provision, careTeams, recipient, purpose, now, record)
        && !permits(provision, careTeams, recipient, purpose, now, record);
  }

  /**
   * The provision's own type, unless a matching nested provision makes an exception (deny wins).
   */
  private boolean permits(
      Consent.ProvisionComponent provision,
      Map<String, Set<String>> careTeams,
      Recipient recipient,
      String purpose,
      Instant now,
      IBaseResource record) {
    boolean permit = provision.getType() == Consent.ConsentProvisionType.PERMIT;
    boolean anyPermit = false;
    for (Consent.ProvisionComponent nested : provision.getProvision()) {
      if (!matches(nested, careTeams, recipient, purpose, now, record)) {
        continue;
      }
      if (!permits(nested, careTeams, recipient, purpose, now, record)) {
        return false;
      }
      anyPermit = true;
    }
    return permit || anyPermit;
  }

  /** Whether every criterion a nested provision states matches this disclosure. */
  private boolean matches(
      Consent.ProvisionComponent nested,
      Map<String, Set<String>> careTeams,
      Recipient recipient,
      String purpose,
      Instant now,
      IBaseResource record) {
    Period period = nested.getPeriod();
    if (period.hasEnd() && !now.isBefore(endExclusive(period.getEndElement()))) {
      return false;
    }
    if (period.hasStart() && now.isBefore(period.getStart().toInstant())) {
      return false;
    }
    if (nested.hasActor()
        && nested.getActor().stream()
            .noneMatch(
                actor ->
                    namesDirectly(actor.getReference(), recipient, careTeams)
                        || namesClass(actor.getReference(), recipient))) {
      return false;
    }
    if (nested.hasPurpose()
        && (purpose == null
            || nested.getPurpose().stream()
                .noneMatch(
                    p ->
                        SecurityLabels.ACT_REASON.equals(p.getSystem())
                            && purposes.covers(p.getCode(), purpose)))) {
      return false;
    }
    return ConsentScope.covers(nested, record);
  }

  /** The id of the patient of a SUD disclosure consent; null for any other consent. */
  static String part2PatientOf(Consent consent) {
    String patient = reference(consent.getPatient());
    return isPart2Consent(consent) && patient != null && patient.startsWith("Patient/")
        ? patient.substring("Patient/".length())
        : null;
  }

  /** Whether the consent is a SUD (42 CFR Part 2) disclosure consent at all. */
  static boolean isPart2Consent(Consent consent) {
    for (CodeableConcept category : consent.getCategory()) {
      if (SecurityLabels.has(category.getCoding(), SecurityLabels.ACT_CODE, SecurityLabels.PART2)) {
        return true;
      }
    }
    return false;
  }

  private static Instant endExclusive(DateTimeType end) {
    Instant start = end.getValue().toInstant();
    TemporalPrecisionEnum precision = end.getPrecision();
    return switch (precision) {
      case YEAR ->
          end.getValueAsCalendar()
              .toInstant()
              .atZone(java.time.ZoneOffset.UTC)
              .plusYears(1)
              .toInstant();
      case MONTH ->
          end.getValueAsCalendar()
              .toInstant()
              .atZone(java.time.ZoneOffset.UTC)
              .plusMonths(1)
              .toInstant();
      case DAY -> start.plus(java.time.Duration.ofDays(1));
      default -> start.plusMillis(1);
    };
  }

  private boolean isIntermediary(provisionActorComponent actor) {
    return isIntermediary(actor, intermediaryOrganizationId);
  }

  /** Whether {@code actor} names {@code Organization/organizationId} as the intermediary. */
  static boolean isIntermediary(provisionActorComponent actor, String organizationId) {
    return hasRole(actor.getRole(), INTERMEDIARY_ROLE_SYSTEM, INTERMEDIARY_ROLE)
        && ("Organization/" + organizationId).equals(reference(actor.getReference()));
  }

  /** Whether the reference names the recipient's organisation, a parent of it or its care team. */
  private static boolean namesDirectly(
      Reference reference, Recipient recipient, Map<String, Set<String>> careTeams) {
    String target = reference(reference);
    if (target != null) {
      if (target.startsWith("Organization/")) {
        String id = target.substring("Organization/".length());
        return id.equals(recipient.organizationId()) || recipient.ancestors().contains(id);
      }
      if (target.startsWith("CareTeam/")) {
        return careTeams
            .getOrDefault(target.substring("CareTeam/".length()), Set.of())
            .contains(recipient.organizationId());
      }
      return false;
    }
    return false;
  }

  /**
   * Whether the reference names a class of recipients ({@code Organization.type}) the recipient is
   * in.
   */
  static boolean namesClass(Reference reference, Recipient recipient) {
    if (reference == null || reference.hasReference()) {
      return false;
    }
    Identifier identifier = reference.getIdentifier();
    return identifier.hasSystem()
        && identifier.hasValue()
        && recipient.types().contains(identifier.getSystem() + "|" + identifier.getValue());
  }

  static boolean hasRole(CodeableConcept role, String system, String code) {
    for (Coding coding : role.getCoding()) {
      if (system.equals(coding.getSystem()) && code.equals(coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  /** {@code Type/id} of a literal reference (absolute URLs and versions stripped), else null. */
  static String reference(Reference reference) {
    if (reference == null || !reference.hasReference()) {
      return null;
    }
    var id = reference.getReferenceElement();
    if (!id.hasResourceType() || !id.hasIdPart()) {
      return null;
    }
    return id.getResourceType() + "/" + id.getIdPart();
  }
}
