package org.continuumcare.gateway.consent;

import java.util.Optional;

/**
 * Whether one disclosure is covered by a consent.
 *
 * @param outcome why the disclosure is or is not allowed
 * @param consentId the consent that permits it (empty unless {@link Outcome#PERMIT})
 * @param scope a statement of that consent's scope (42 CFR 2.32(b)), empty unless permitted
 */
public record ConsentDecision(Outcome outcome, Optional<String> consentId, Optional<String> scope) {

  /** Outcomes, from the best to the worst; a denial reports how far the closest consent got. */
  public enum Outcome {
    /** An active consent covers recipient, purpose and intermediary now. */
    PERMIT("permitted by consent"),
    /**
     * A nested provision of the closest consent excludes the record (or the recipient or purpose).
     */
    EXCLUDED("a provision of the consent excludes this record"),
    /** The closest consent's class, code or data do not cover the record. */
    OUT_OF_SCOPE("consent does not cover this kind of record"),
    /** The closest consent does not list the purpose of use (or a purpose it specialises). */
    WRONG_PURPOSE("consent does not cover the purpose of use"),
    /** A purpose of legal proceedings: no consent grants it (42 CFR 2.31(d), subpart E). */
    LEGAL_PROCEEDINGS(
        "no consent covers disclosure for legal proceedings (42 CFR Part 2 requires a court order)"),
    /**
     * The closest consent names the recipient only by class, and the recipient has no
     * treating-provider relationship with the patient (42 CFR 2.31(a)(4)(ii)(B)).
     */
    NO_TREATING_RELATIONSHIP(
        "recipient named by class has no treating-provider relationship with the patient"),
    /** The closest consent does not name the recipient or its class. */
    WRONG_RECIPIENT("consent does not name the recipient"),
    /** The closest consent does not name the gateway as intermediary. */
    NO_INTERMEDIARY("consent does not name the gateway as intermediary"),
    /** The closest consent's period has not started yet. */
    NOT_YET_VALID("consent period has not started"),
    /** The closest consent's period has ended. */
    EXPIRED("consent has expired"),
    /** The patient's only consents are revoked, rejected, draft or entered in error. */
    INACTIVE("consent is not active (revoked)"),
    /** The patient asked to restrict this disclosure (42 CFR 2.26), whatever a consent permits. */
    RESTRICTED("the patient restricted this disclosure"),
    /** No SUD disclosure consent for the patient (or the record names no patient). */
    NO_CONSENT("no consent for disclosure");

    private final String description;

    Outcome(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public static ConsentDecision permit(String consentId, String scope) {
    return new ConsentDecision(
        Outcome.PERMIT, Optional.ofNullable(consentId), Optional.ofNullable(scope));
  }

  public static ConsentDecision deny(Outcome outcome) {
    return new ConsentDecision(outcome, Optional.empty(), Optional.empty());
  }

  public boolean permitted() {
    return outcome == Outcome.PERMIT;
  }
}
