package org.continuumcare.terminology;

/**
 * Canonical URLs of the continuumcare.terminology FHIR package and where it sits on the classpath.
 */
public final class ContinuumTerminology {

  /** Classpath location of the FHIR package built by SUSHI (see terminology/README.md). */
  public static final String PACKAGE_RESOURCE = "fhir-packages/continuumcare.terminology.tgz";

  public static final String PACKAGE_ID = "continuumcare.terminology";

  public static final String BASE = "https://continuumcare.org/fhir";
  public static final String CODE_SYSTEM_BASE = BASE + "/CodeSystem/";
  public static final String VALUE_SET_BASE = BASE + "/ValueSet/";
  public static final String CONCEPT_MAP_BASE = BASE + "/ConceptMap/";

  public static final String RECOVERY_CAPITAL_DOMAIN = CODE_SYSTEM_BASE + "recovery-capital-domain";
  public static final String RECOVERY_CAPITAL_DIMENSION =
      CODE_SYSTEM_BASE + "recovery-capital-dimension";
  public static final String RECOVERY_CAPITAL_INSTRUMENT =
      CODE_SYSTEM_BASE + "recovery-capital-instrument";
  public static final String RECOVERY_CAPITAL_SCORE_TYPE =
      CODE_SYSTEM_BASE + "recovery-capital-score-type";
  public static final String REFERRAL_CATEGORY = CODE_SYSTEM_BASE + "referral-category";
  public static final String REFERRAL_BUSINESS_STATUS =
      CODE_SYSTEM_BASE + "referral-business-status";
  public static final String RELEASE_TYPE = CODE_SYSTEM_BASE + "release-type";
  public static final String PARTNER_TYPE = CODE_SYSTEM_BASE + "partner-type";
  public static final String HMIS_LIVING_SITUATION = CODE_SYSTEM_BASE + "hmis-living-situation";
  public static final String HOUSING_SITUATION_CATEGORY =
      CODE_SYSTEM_BASE + "housing-situation-category";
  public static final String EMPLOYMENT_OUTCOME = CODE_SYSTEM_BASE + "employment-outcome";
  public static final String PRISON_RELEASE_REASON = CODE_SYSTEM_BASE + "prison-release-reason";
  public static final String MEDICATION_ROLE = CODE_SYSTEM_BASE + "medication-role";

  /**
   * Substance use disorder diagnoses and findings (SNOMED CT enumerated, ICD-10(-CM) F10-F16, F18,
   * F19, Z71.41, Z71.51).
   */
  public static final String SUD_CONDITIONS = VALUE_SET_BASE + "sud-conditions";

  /** Substance use screening (AUDIT-C, DAST-10) and drugs-of-abuse toxicology (LOINC). */
  public static final String SUD_OBSERVATIONS = VALUE_SET_BASE + "sud-observations";

  /** Medications for substance use disorder (RxNorm buprenorphine, methadone, naltrexone). */
  public static final String SUD_MEDICATIONS = VALUE_SET_BASE + "sud-medications";

  /** Substance use disorder treatment (SNOMED CT procedures, ICD-10-PCS HZ). */
  public static final String SUD_PROCEDURES = VALUE_SET_BASE + "sud-procedures";

  /** The union of the four sud-* ValueSets. */
  public static final String SUD_RECORD_CODES = VALUE_SET_BASE + "sud-record-codes";

  /** Property of recovery-capital-domain concepts naming their recovery-capital dimension(s). */
  public static final String DIMENSION_PROPERTY = "dimension";

  public static final String HMIS_TO_HOUSING_STATUS =
      CONCEPT_MAP_BASE + "hmis-living-situation-to-housing-status";
  public static final String V2_DISCHARGE_DISPOSITION_TO_FHIR =
      CONCEPT_MAP_BASE + "hl7v2-discharge-disposition-to-fhir";
  public static final String V2_REFERRAL_STATUS_TO_TASK_STATUS =
      CONCEPT_MAP_BASE + "hl7v2-referral-status-to-task-status";
  public static final String EMPLOYMENT_OUTCOME_TO_EMPLOYMENT_STATUS =
      CONCEPT_MAP_BASE + "employment-outcome-to-employment-status";
  public static final String PRISON_RELEASE_REASON_TO_RELEASE_TYPE =
      CONCEPT_MAP_BASE + "prison-release-reason-to-release-type";

  /**
   * RxNorm medication -> medication-role (moud, naloxone); see conceptmaps/MedicationRole.fsh for
   * the sources.
   */
  public static final String MEDICATION_ROLE_MAP = CONCEPT_MAP_BASE + "medication-role";

  public static final String LOINC = "http://loinc.org";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String V2_0112 = "http://terminology.hl7.org/CodeSystem/v2-0112";
  public static final String V2_0283 = "http://terminology.hl7.org/CodeSystem/v2-0283";
  public static final String DISCHARGE_DISPOSITION =
      "http://terminology.hl7.org/CodeSystem/discharge-disposition";
  public static final String TASK_STATUS = "http://hl7.org/fhir/task-status";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  public static final String ICD10_PCS = "http://www.cms.gov/Medicare/Coding/ICD10";

  private ContinuumTerminology() {}
}
