package org.continuumcare.profiles.scoring;

import java.util.List;
import org.continuumcare.terminology.ContinuumTerminology;

/**
 * Canonical URLs and codes shared with the continuumcare.terminology package (the fixed contract).
 */
public final class RecoveryCapitalCodes {

  public static final String BASE = ContinuumTerminology.BASE;
  public static final String ITEM_SYSTEM = BASE + "/CodeSystem/recovery-capital-item";
  public static final String DOMAIN_SYSTEM = BASE + "/CodeSystem/recovery-capital-domain";
  public static final String DIMENSION_SYSTEM = BASE + "/CodeSystem/recovery-capital-dimension";
  public static final String INSTRUMENT_SYSTEM = BASE + "/CodeSystem/recovery-capital-instrument";
  public static final String SCORE_TYPE_SYSTEM = BASE + "/CodeSystem/recovery-capital-score-type";
  public static final String AGREEMENT_6_SYSTEM = BASE + "/CodeSystem/agreement-scale-6";
  public static final String AGREEMENT_4_SYSTEM = BASE + "/CodeSystem/agreement-scale-4";

  public static final String BARC_10_QUESTIONNAIRE = BASE + "/Questionnaire/barc-10";
  public static final String MIRC_28_QUESTIONNAIRE = BASE + "/Questionnaire/mirc-28";
  public static final String EIGHT_DOMAIN_QUESTIONNAIRE =
      BASE + "/Questionnaire/recovery-capital-8-domain";

  public static final String SCORE_PROFILE = BASE + "/StructureDefinition/recovery-capital-score";
  public static final String THRESHOLD_MET_EXTENSION =
      BASE + "/StructureDefinition/score-threshold-met";

  /** The eight TreatNet recovery-capital domains, in Questionnaire order. */
  public static final List<String> DOMAINS =
      List.of(
          "physical-mental-health",
          "family-social-leisure",
          "safe-housing",
          "peer-support",
          "employment-legal",
          "vocational-education",
          "community-culture",
          "meaning-purpose");

  /** The four capital dimensions (Cloud and Granfield), in MIRC subscale order. */
  public static final List<String> DIMENSIONS = List.of("social", "physical", "human", "cultural");

  private RecoveryCapitalCodes() {}
}
