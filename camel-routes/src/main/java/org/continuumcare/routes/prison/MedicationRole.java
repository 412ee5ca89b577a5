package org.continuumcare.routes.prison;

/** Why a medication matters at release. */
public enum MedicationRole {
    /** Medication for opioid use disorder (buprenorphine, methadone, naltrexone): must continue without a gap. */
    MOUD,
    /** Take-home naloxone for overdose reversal. */
    NALOXONE,
    /** Any other medication to continue. */
    OTHER
}
