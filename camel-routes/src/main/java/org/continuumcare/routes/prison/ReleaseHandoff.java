package org.continuumcare.routes.prison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One prison release handoff, whatever channel it came in on (HL7 v2 or JSON): the intermediate
 * record both inbound mappers produce and {@link ReleaseHandoffTransactionMapper} turns into FHIR.
 *
 * @param handoffKey stable business key of this handoff (same person, same stay): drives the
 *     conditional requests, so a resent message updates instead of duplicating
 * @param identifiers person identifiers, the first one is used to match the Patient
 * @param names person names (may be empty)
 * @param birthDate birth date (may be null)
 * @param gender FHIR administrative-gender code (may be null)
 * @param releaseDate release date and its certainty
 * @param releaseType code of the release-type CodeSystem
 * @param releaseFacility where the person is released from (may be null)
 * @param dischargeDisposition FHIR discharge-disposition code translated from the partner's (may be
 *     null)
 * @param medications medications to continue
 * @param conditions conditions
 * @param latestAssessment latest recovery-capital assessment (may be null)
 * @param needs needs at release
 * @param receivingProviderId Organization id of the receiving community treatment provider
 * @param consentReference reference to the SUD disclosure Consent (may be null)
 * @param source the original message, kept as a Binary
 */
public record ReleaseHandoff(
    String handoffKey,
    List<PersonIdentifier> identifiers,
    List<PersonName> names,
    LocalDate birthDate,
    String gender,
    ReleaseDate releaseDate,
    String releaseType,
    ReleaseFacility releaseFacility,
    Coded dischargeDisposition,
    List<HandoffMedication> medications,
    List<HandoffCondition> conditions,
    AssessmentSummary latestAssessment,
    Needs needs,
    String receivingProviderId,
    String consentReference,
    SourceMessage source) {

  public ReleaseHandoff {
    Objects.requireNonNull(handoffKey, "handoffKey");
    identifiers = List.copyOf(identifiers);
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("a handoff needs at least one person identifier");
    }
    names = List.copyOf(names);
    Objects.requireNonNull(releaseDate, "releaseDate");
    Objects.requireNonNull(releaseType, "releaseType");
    medications = List.copyOf(medications);
    conditions = List.copyOf(conditions);
    needs = needs == null ? Needs.NONE : needs;
    Objects.requireNonNull(receivingProviderId, "receivingProviderId");
    Objects.requireNonNull(source, "source");
  }

  /** A person identifier: system (URI) and value. */
  public record PersonIdentifier(String system, String value, String typeCode) {
    public PersonIdentifier {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A person name. */
  public record PersonName(String family, List<String> given) {
    public PersonName {
      given = given == null ? List.of() : List.copyOf(given);
    }
  }

  /**
   * The release date, whether the custodial authority confirmed it, and its bounds when uncertain.
   */
  public record ReleaseDate(
      LocalDate date, boolean confirmed, LocalDate earliest, LocalDate latest) {
    public ReleaseDate {
      Objects.requireNonNull(date, "date");
    }
  }

  /** The releasing facility: an id and a display name (either may be null, not both). */
  public record ReleaseFacility(String id, String name) {}

  /** A code in a code system (system may be null when the sender named none), with display text. */
  public record Coded(String system, String code, String display) {}

  /** A medication to continue after release. */
  public record HandoffMedication(
      MedicationRole role,
      Coded code,
      String text,
      String dosage,
      Integer supplyAtReleaseDays,
      LocalDate startDate,
      LastDose lastDose) {
    public HandoffMedication {
      Objects.requireNonNull(role, "role");
    }

    /** Without a last dose (e.g. naloxone, or a medication the sender gave no dose record of). */
    public HandoffMedication(
        MedicationRole role,
        Coded code,
        String text,
        String dosage,
        Integer supplyAtReleaseDays,
        LocalDate startDate) {
      this(role, code, text, dosage, supplyAtReleaseDays, startDate, null);
    }
  }

  /**
   * The last dose given in custody, so the community programme (e.g. a methadone clinic) can
   * continue from it: when it was given and, if known, how much.
   *
   * @param at date and time of the dose, with its offset
   * @param amount the dose (may be null)
   * @param unit unit of the dose, e.g. {@code mg} (may be null)
   */
  public record LastDose(OffsetDateTime at, BigDecimal amount, String unit) {
    public LastDose {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A condition (diagnosis) known at release. */
  public record HandoffCondition(Coded code, String text, LocalDate onsetDate) {}

  /** The latest recovery-capital assessment: a reference to a stored one, or an inline summary. */
  public record AssessmentSummary(
      String reference, String instrument, LocalDate date, Integer totalScore, String summary) {}

  /** Needs at release that call for referrals beyond treatment. */
  public record Needs(boolean housing, boolean employment, boolean peerSupport) {
    public static final Needs NONE = new Needs(false, false, false);
  }

  /** The message as received, kept as a Binary: content type and bytes. */
  public record SourceMessage(String contentType, byte[] content) {
    public SourceMessage {
      Objects.requireNonNull(contentType, "contentType");
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SourceMessage that
          && contentType.equals(that.contentType)
          && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
      return 31 * contentType.hashCode() + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
      return "SourceMessage[" + contentType + ", " + content.length + " bytes]";
    }
  }
}
