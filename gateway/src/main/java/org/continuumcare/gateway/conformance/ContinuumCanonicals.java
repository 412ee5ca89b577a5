package org.continuumcare.gateway.conformance;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** Recognises resources that fall under Continuum's own profiles and Questionnaires. */
final class ContinuumCanonicals {

  static final String BASE = "https://continuumcare.org/fhir/";
  static final String PROFILE_BASE = BASE + "StructureDefinition/";
  static final String QUESTIONNAIRE_BASE = BASE + "Questionnaire/";
  static final String ASSESSMENT_PROFILE = PROFILE_BASE + "recovery-capital-assessment";

  private ContinuumCanonicals() {}

  static boolean claimsOurProfile(IBaseResource resource) {
    return resource.getMeta().getProfile().stream()
        .map(IPrimitiveType::getValueAsString)
        .anyMatch(profile -> profile != null && profile.startsWith(PROFILE_BASE));
  }

  static boolean answersOurQuestionnaire(IBaseResource resource) {
    return resource instanceof QuestionnaireResponse response
        && response.hasQuestionnaire()
        && response.getQuestionnaire().startsWith(QUESTIONNAIRE_BASE);
  }
}
