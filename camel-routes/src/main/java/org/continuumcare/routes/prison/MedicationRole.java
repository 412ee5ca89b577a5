package org.continuumcare.routes.prison;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a medication matters at release. MOUD and NALOXONE carry their code in the terminology
 * CodeSystem {@code medication-role}; OTHER has none (a medication with no special role).
 */
public enum MedicationRole {
  /**
   * Medication for opioid use disorder (buprenorphine, methadone, naltrexone): must continue
   * without a gap.
   */
  MOUD("moud"),
  /** Take-home naloxone for overdose reversal. */
  NALOXONE("naloxone"),
  /** Any other medication to continue. */
  OTHER(null);

  private final String code;

  MedicationRole(String code) {
    this.code = code;
  }

  /** The role's code in CodeSystem medication-role; empty for OTHER. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The role whose medication-role code this is. */
  public static Optional<MedicationRole> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code != null && r.code.equals(code)).findFirst();
  }
}
