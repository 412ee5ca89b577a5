package org.continuumcare.gateway.consent;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;

/**
 * What a SUD disclosure consent must state before it is stored (42 CFR 2.31(a)), as far as the
 * FHIR resource carries it: whose records (patient), to whom (a recipient, role IRCP), through whom
 * (the gateway as intermediary), for which purposes (each a known HL7 PurposeOfUse), and until when
 * (an expiry date). Pure: each problem names the element at fault.
 */
final class ConsentForm {

  /** One element a consent lacks or gets wrong. */
  record Problem(String element, String message) {}

  private final PurposesOfUse purposes;
  private final String intermediaryOrganizationId;

  ConsentForm(PurposesOfUse purposes, String intermediaryOrganizationId) {
    this.purposes = purposes;
    this.intermediaryOrganizationId = intermediaryOrganizationId;
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
    if (provision.getType() != Consent.ConsentProvisionType.PERMIT) {
      problems.add(new Problem("Consent.provision.type", "must be permit: a SUD disclosure consent permits disclosure"));
    }
    if (!provision.getPeriod().hasEnd()) {
      problems.add(new Problem("Consent.provision.period.end",
          "needs an expiry date: a SUD disclosure consent must say when it ends (42 CFR 2.31(a)(6))"));
    }
    if (provision.getActor().stream().noneMatch(actor -> ConsentEvaluator.hasRole(actor.getRole(),
        ConsentEvaluator.RECIPIENT_ROLE_SYSTEM, ConsentEvaluator.RECIPIENT_ROLE))) {
      problems.add(new Problem("Consent.provision.actor",
          "names no recipient (role v3-ParticipationType#IRCP): to whom may the records be disclosed?"));
    }
    if (provision.getActor().stream().noneMatch(actor -> ConsentEvaluator.isIntermediary(actor, intermediaryOrganizationId))) {
      problems.add(new Problem("Consent.provision.actor", "does not name Organization/" + intermediaryOrganizationId
          + " as intermediary (role extra-security-role-type#dataprocessor), through which the records travel"));
    }
    if (provision.getPurpose().isEmpty()) {
      problems.add(new Problem("Consent.provision.purpose", "lists no purpose of use"));
    }
    for (int index = 0; index < provision.getPurpose().size(); index++) {
      Coding purpose = provision.getPurpose().get(index);
      if (!PurposesOfUse.SYSTEM.equals(purpose.getSystem()) || !purposes.isPurposeOfUse(purpose.getCode())) {
        problems.add(new Problem("Consent.provision.purpose[" + index + "]", "'" + purpose.getSystem() + "|"
            + purpose.getCode() + "' is not an HL7 v3 PurposeOfUse"));
      } else if (purposes.isLegalProceedings(purpose.getCode())) {
        problems.add(new Problem("Consent.provision.purpose[" + index + "]", "'" + purpose.getCode()
            + "' is a purpose of legal proceedings, which a consent cannot grant (42 CFR 2.31(d))"));
      }
    }
    return problems;
  }
}
