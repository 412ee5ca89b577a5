package org.continuumcare.routes.prison;

import org.continuumcare.routes.handoff.HandoffTaskStore;
import org.continuumcare.terminology.ContinuumTerminology;

/**
 * Canonical URLs and identifier systems the handoff's FHIR resources use (continuumcare.recovery
 * package).
 */
public final class PrisonFhir {

  public static final String STRUCTURE_DEFINITION =
      ContinuumTerminology.BASE + "/StructureDefinition/";
  public static final String PROFILE_RELEASE_HANDOFF = STRUCTURE_DEFINITION + "release-handoff";
  public static final String PROFILE_REFERRAL = STRUCTURE_DEFINITION + "referral";
  public static final String PROFILE_REFERRAL_TASK = STRUCTURE_DEFINITION + "referral-task";
  public static final String EXT_RELEASE_DATE = STRUCTURE_DEFINITION + "release-date";

  /**
   * Composition extension naming the Organization the handoff is addressed to (what the relay
   * routes on).
   */
  public static final String EXT_RECEIVING_ORGANIZATION =
      STRUCTURE_DEFINITION + "receiving-organization";

  public static final String EXT_SUPPLY_AT_RELEASE =
      STRUCTURE_DEFINITION + "medication-supply-at-release";

  /**
   * MedicationStatement extension: when the last dose in custody was given (the dose itself is the
   * statement's dosage doseQuantity), so the community programme can continue from it.
   */
  public static final String EXT_LAST_DOSE = STRUCTURE_DEFINITION + "medication-last-dose";

  /**
   * Identifier system of every resource a handoff creates: value = handoff UUID + "-" + role of the
   * resource.
   */
  public static final String HANDOFF_IDENTIFIER_SYSTEM = HandoffTaskStore.IDENTIFIER_SYSTEM;

  public static final String SDOHCC_TEMPORARY_CODES =
      "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
  public static final String V3_CONFIDENTIALITY =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
  public static final String CONDITION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/condition-category";
  public static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  public static final String CONDITION_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";
  public static final String PROVENANCE_PARTICIPANT =
      "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
  public static final String V3_DATA_OPERATION =
      "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
  public static final String UCUM = "http://unitsofmeasure.org";

  /**
   * HL7 IPS code system for absent or unknown information (used for "no medication information").
   */
  public static final String IPS_ABSENT_UNKNOWN =
      "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";

  private PrisonFhir() {}
}
