package org.continuumcare.gateway.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;

/**
 * What a SUD disclosure consent must state before it is stored (42 CFR 2.31(a)), as far as the FHIR
 * resource carries it: whose records (patient), to whom (a recipient, role IRCP), through whom (the
 * gateway as intermediary), for which purposes (each a known HL7 PurposeOfUse), and until when (an
 * expiry date). Pure: each problem names the element at fault.
 */
final class ConsentForm {

  /**
   * {@code Consent.policy.uri} saying the signed form states the patient's right to revoke the
   * consent in writing, except where it was already acted on, and how to revoke it (42 CFR
   * 2.31(a)(6)); the README gives the statement.
   */
  static final String REVOCATION_STATEMENT =
      "https://continuumcare.org/fhir/consent-policy/part2-revocation";

  /**
   * Extension (valueDateTime) of a consent to disclose to a criminal-justice agency (42 CFR 2.35):
   * the consent cannot be revoked before this date, the stated point of the criminal-justice
   * process (e.g. the end of probation), which is no later than the consent's expiry.
   */
  static final String IRREVOCABLE_UNTIL =
      "https://continuumcare.org/fhir/StructureDefinition/irrevocable-until";

  /** {@code Organization.type} of a probation, parole or pretrial services office. */
  static final String CRIMINAL_JUSTICE_AGENCY =
      "https://continuumcare.org/fhir/CodeSystem/partner-type|community-corrections";

  /** One element a consent lacks or gets wrong. */
  record Problem(String element, String message) {}

  private final PurposesOfUse purposes;
  private final String intermediaryOrganizationId;
  private final Predicate<String> criminalJusticeAgency;

  /**
   * @param criminalJusticeAgency whether the Organization of this id is a criminal-justice agency
   *     ({@link #CRIMINAL_JUSTICE_AGENCY} among its types)
   */
  ConsentForm(
      PurposesOfUse purposes,
      String intermediaryOrganizationId,
      Predicate<String> criminalJusticeAgency) {
    this.purposes = purposes;
    this.intermediaryOrganizationId = intermediaryOrganizationId;
    this.criminalJusticeAgency = criminalJusticeAgency;
  }

  /**
   * Why an update or deletion of {@code previous} revokes a consent that is irrevocable until a
   * stated date that has not come (42 CFR 2.35(d)); empty when it does not. {@code updated} is null
   * for a deletion.
   */
  Optional<Problem> revocationProblem(Consent previous, Consent updated, Instant now) {
    Optional<Date> until = irrevocableUntil(previous);
    if (!ConsentEvaluator.isPart2Consent(previous)
        || previous.getStatus() != Consent.ConsentState.ACTIVE
        || until.isEmpty()
        || !now.isBefore(until.get().toInstant())) {
      return Optional.empty();
    }
    String stated =
        "this consent to disclose to a criminal-justice agency is irrevocable until "
            + previous.getExtensionByUrl(IRREVOCABLE_UNTIL).getValue().primitiveValue()
            + " (42 CFR 2.35(d))";
    if (updated == null) {
      return Optional.of(new Problem("Consent", "cannot be deleted: " + stated));
    }
    if (updated.getStatus() != Consent.ConsentState.ACTIVE) {
      return Optional.of(new Problem("Consent.status", "cannot leave active yet: " + stated));
    }
    Optional<Date> after = irrevocableUntil(updated);
    if (after.isEmpty() || after.get().before(until.get())) {
      return Optional.of(
          new Problem("Consent.extension", "cannot drop or advance irrevocable-until: " + stated));
    }
    Date end = updated.getProvision().getPeriod().getEnd();
    if (end == null || end.before(until.get())) {
      return Optional.of(
          new Problem("Consent.provision.period.end", "cannot end before that date: " + stated));
    }
    return Optional.empty();
  }

  private static Optional<Date> irrevocableUntil(Consent consent) {
    Extension extension = consent.getExtensionByUrl(IRREVOCABLE_UNTIL);
    return extension != null
            && extension.getValue() instanceof DateTimeType date
            && date.getValue() != null
        ? Optional.of(date.getValue())
        : Optional.empty();
  }

  /**
   * 42 CFR 2.35: only a consent whose every recipient is a criminal-justice agency may limit
   * revocation.
   */
  private void irrevocability(Consent consent, List<Problem> problems) {
    Extension extension = consent.getExtensionByUrl(IRREVOCABLE_UNTIL);
    if (extension == null) {
      return;
    }
    String element = "Consent.extension:irrevocable-until";
    if (!(extension.getValue() instanceof DateTimeType date) || date.getValue() == null) {
      problems.add(
          new Problem(
              element,
              "must be a dateTime: the point of the criminal-justice process until which"
                  + " the consent cannot be revoked"));
      return;
    }
    Date end = consent.getProvision().getPeriod().getEnd();
    if (end != null && date.getValue().after(end)) {
      problems.add(
          new Problem(
              element,
              "is after Consent.provision.period.end: a consent cannot stay irrevocable"
                  + " beyond its own expiry (42 CFR 2.35(c))"));
    }
    for (Consent.provisionActorComponent actor : consent.getProvision().getActor()) {
      if (!ConsentEvaluator.hasRole(
          actor.getRole(),
          ConsentEvaluator.RECIPIENT_ROLE_SYSTEM,
          ConsentEvaluator.RECIPIENT_ROLE)) {
        continue;
      }
      String target = ConsentEvaluator.reference(actor.getReference());
      var identifier = actor.getReference().getIdentifier();
      boolean agency =
          target != null
              ? target.startsWith("Organization/")
                  && criminalJusticeAgency.test(target.substring("Organization/".length()))
              : CRIMINAL_JUSTICE_AGENCY.equals(
                  identifier.getSystem() + "|" + identifier.getValue());
      if (!agency) {
        problems.add(
            new Problem(
                element,
                "only a consent to disclose to a criminal-justice agency (Organization.type "
                    + CRIMINAL_JUSTICE_AGENCY
                    + ") may limit its revocation (42 CFR 2.35); recipient "
                    + (target != null
                        ? target
                        : identifier.getSystem() + "|" + identifier.getValue())
                    + " is not one"));
      }
    }
  }

  /** The problems of {@code consent}; none for a consent that is not a SUD disclosure consent. */
  List<Problem> problems(Consent consent) {
    List<Problem> problems = new ArrayList<>();
    if (!ConsentEvaluator.isPart2Consent(consent)) {
      return problems;
    }
    if (!consent.getPatient().hasReference()) {
      problems.add(new Problem("Consent.patient", "names no patient whose records it covers"));
    }
    Consent.ProvisionComponent provision = consent.getProvision();
    if (provision.getType() == Consent.ConsentProvisionType.DENY) {
      restriction(consent, problems);
      return problems;
    }
    if (provision.getType() != Consent.ConsentProvisionType.PERMIT) {
      problems.add(
          new Problem(
              "Consent.provision.type",
              "must be permit (a disclosure consent) or deny (a"
                  + " restriction the patient requests, 42 CFR 2.26)"));
    }
    if (!provision.getPeriod().hasEnd()) {
      problems.add(
          new Problem(
              "Consent.provision.period.end",
              "needs an expiry date: a SUD disclosure consent must say when it ends (42 CFR 2.31(a)(7))"));
    }
    if (provision.getActor().stream()
        .noneMatch(
            actor ->
                ConsentEvaluator.hasRole(
                    actor.getRole(),
                    ConsentEvaluator.RECIPIENT_ROLE_SYSTEM,
                    ConsentEvaluator.RECIPIENT_ROLE))) {
      problems.add(
          new Problem(
              "Consent.provision.actor",
              "names no recipient (role v3-ParticipationType#IRCP): to whom may the records be disclosed?"));
    }
    if (provision.getActor().stream()
        .noneMatch(actor -> ConsentEvaluator.isIntermediary(actor, intermediaryOrganizationId))) {
      problems.add(
          new Problem(
              "Consent.provision.actor",
              "does not name Organization/"
                  + intermediaryOrganizationId
                  + " as intermediary (role extra-security-role-type#dataprocessor), through which the records travel"));
    }
    if (provision.getPurpose().isEmpty()) {
      problems.add(new Problem("Consent.provision.purpose", "lists no purpose of use"));
    }
    for (int index = 0; index < provision.getPurpose().size(); index++) {
      Coding purpose = provision.getPurpose().get(index);
      if (!PurposesOfUse.SYSTEM.equals(purpose.getSystem())
          || !purposes.isPurposeOfUse(purpose.getCode())) {
        problems.add(
            new Problem(
                "Consent.provision.purpose[" + index + "]",
                "'"
                    + purpose.getSystem()
                    + "|"
                    + purpose.getCode()
                    + "' is not an HL7 v3 PurposeOfUse"));
      } else if (purposes.isLegalProceedings(purpose.getCode())) {
        problems.add(
            new Problem(
                "Consent.provision.purpose[" + index + "]",
                "'"
                    + purpose.getCode()
                    + "' is a purpose of legal proceedings, which a consent cannot grant (42 CFR 2.31(d))"));
      }
    }
    if (!consent.hasDateTime()) {
      problems.add(
          new Problem(
              "Consent.dateTime", "needs the date the consent was signed (42 CFR 2.31(a)(9))"));
    }
    if (!consent.hasSource()) {
      problems.add(
          new Problem(
              "Consent.source[x]",
              "carries no signature or attestation of it: attach the signed"
                  + " form (sourceAttachment) or reference the signed record (sourceReference) (42 CFR 2.31(a)(8))"));
    }
    if (consent.getPolicy().stream()
        .noneMatch(policy -> REVOCATION_STATEMENT.equals(policy.getUri()))) {
      problems.add(
          new Problem(
              "Consent.policy",
              "does not carry the revocation statement (a policy with uri "
                  + REVOCATION_STATEMENT
                  + "): the form must state the right to revoke and how (42 CFR 2.31(a)(6))"));
    }
    irrevocability(consent, problems);
    dataCriteria(provision, "Consent.provision", problems);
    nested(provision, "Consent.provision", problems);
    return problems;
  }

  /**
   * A restriction request (42 CFR 2.26): a deny consent of the patient, requested by the patient
   * (performer), with known purposes if it names any; it needs no recipient, intermediary or
   * expiry.
   */
  private void restriction(Consent consent, List<Problem> problems) {
    if (consent.getPerformer().stream()
        .noneMatch(
            p ->
                consent.getPatient().getReference() != null
                    && consent.getPatient().getReference().equals(ConsentEvaluator.reference(p)))) {
      problems.add(
          new Problem(
              "Consent.performer",
              "must name the patient: a restriction is requested by the patient"
                  + " (42 CFR 2.26)"));
    }
    Consent.ProvisionComponent provision = consent.getProvision();
    for (int index = 0; index < provision.getPurpose().size(); index++) {
      Coding purpose = provision.getPurpose().get(index);
      if (!PurposesOfUse.SYSTEM.equals(purpose.getSystem())
          || !purposes.isPurposeOfUse(purpose.getCode())) {
        problems.add(
            new Problem(
                "Consent.provision.purpose[" + index + "]",
                "'"
                    + purpose.getSystem()
                    + "|"
                    + purpose.getCode()
                    + "' is not an HL7 v3 PurposeOfUse"));
      }
    }
    dataCriteria(provision, "Consent.provision", problems);
    nested(provision, "Consent.provision", problems);
  }

  /**
   * Nested provisions are exceptions to the provision they are in: each must be of the opposite
   * type, state at least one criterion (else it negates its parent whole), and name only classes
   * its parent covers.
   */
  private static void nested(
      Consent.ProvisionComponent parent, String path, List<Problem> problems) {
    for (int index = 0; index < parent.getProvision().size(); index++) {
      Consent.ProvisionComponent nested = parent.getProvision().get(index);
      String at = path + ".provision[" + index + "]";
      if (!nested.hasType()) {
        problems.add(
            new Problem(at + ".type", "is missing: say whether the exception permits or denies"));
      } else if (nested.getType() == parent.getType()) {
        problems.add(
            new Problem(
                at + ".type",
                "contradicts its parent: a nested provision is an exception to the"
                    + " provision it is in, so it must be the opposite type ("
                    + nested.getType().toCode()
                    + " inside "
                    + parent.getType().toCode()
                    + ")"));
      }
      if (!ConsentScope.restrictsData(nested)
          && !nested.hasActor()
          && !nested.hasPurpose()
          && !nested.hasPeriod()) {
        problems.add(
            new Problem(
                at,
                "contradicts its parent: it states no class, code, data, security label, actor,"
                    + " purpose or period, so it takes back everything its parent says"));
      }
      if (parent.hasClass_()) {
        for (int c = 0; c < nested.getClass_().size(); c++) {
          Coding coding = nested.getClass_().get(c);
          if (parent.getClass_().stream()
              .noneMatch(
                  p ->
                      java.util.Objects.equals(p.getSystem(), coding.getSystem())
                          && java.util.Objects.equals(p.getCode(), coding.getCode()))) {
            problems.add(
                new Problem(
                    at + ".class[" + c + "]",
                    "contradicts its parent: '"
                        + coding.getCode()
                        + "' is not among the classes of the provision it is an exception to"));
          }
        }
      }
      dataCriteria(nested, at, problems);
      nested(nested, at, problems);
    }
  }

  /**
   * Data criteria the gateway enforces: resource-type classes, instance/related data, no
   * dataPeriod.
   */
  private static void dataCriteria(
      Consent.ProvisionComponent provision, String path, List<Problem> problems) {
    for (int index = 0; index < provision.getClass_().size(); index++) {
      Coding coding = provision.getClass_().get(index);
      String type = ConsentScope.resourceType(coding);
      boolean profile = coding.hasCode() && coding.getCode().startsWith("http");
      if (!profile && (type == null || !isResourceType(type))) {
        problems.add(
            new Problem(
                path + ".class[" + index + "]",
                "'"
                    + coding.getSystem()
                    + "|"
                    + coding.getCode()
                    + "' is neither a FHIR resource type ("
                    + ConsentScope.RESOURCE_TYPES
                    + ") nor a profile URL"));
      }
    }
    for (int index = 0; index < provision.getData().size(); index++) {
      Consent.provisionDataComponent data = provision.getData().get(index);
      if (data.getMeaning() != Consent.ConsentDataMeaning.INSTANCE
          && data.getMeaning() != Consent.ConsentDataMeaning.RELATED) {
        problems.add(
            new Problem(path + ".data[" + index + "].meaning", "must be instance or related"));
      }
      if (ConsentEvaluator.reference(data.getReference()) == null) {
        problems.add(
            new Problem(
                path + ".data[" + index + "].reference", "must be a literal Type/id reference"));
      }
    }
    if (provision.hasDataPeriod()) {
      problems.add(
          new Problem(
              path + ".dataPeriod",
              "is not enforced by the gateway: state the records by class,"
                  + " code or data instead"));
    }
  }

  private static boolean isResourceType(String type) {
    try {
      org.hl7.fhir.r4.model.ResourceType.fromCode(type);
      return true;
    } catch (RuntimeException unknown) {
      return false;
    }
  }
}
