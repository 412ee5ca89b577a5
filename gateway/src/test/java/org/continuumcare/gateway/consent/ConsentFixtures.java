package org.continuumcare.gateway.consent;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/** SUD disclosure consents shaped like the profile's example (jordan-sud-consent). */
public final class ConsentFixtures {

  private ConsentFixtures() {}

  /**
   * An active consent of {@code patientId}: recipients and purposes as given, the gateway as
   * intermediary, valid from {@code start} to {@code end} (FHIR date or dateTime strings).
   */
  public static Consent consent(
      String patientId, String start, String end, String[] recipients, String... purposes) {
    Consent consent = new Consent();
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.setScope(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
    consent.addCategory(new CodeableConcept(new Coding(SecurityLabels.ACT_CODE, "IDSCL", null)));
    consent.addCategory(
        new CodeableConcept(new Coding(SecurityLabels.ACT_CODE, SecurityLabels.PART2, null)));
    consent.setPatient(new Reference("Patient/" + patientId));
    consent.setDateTime(new Date(0));
    consent.addPerformer(new Reference("Patient/" + patientId));
    consent.addOrganization(new Reference("Organization/demo-treatment"));
    consent.setSource(
        new org.hl7.fhir.r4.model.Attachment()
            .setContentType("application/pdf")
            .setTitle("Signed consent form")
            .setUrl("urn:uuid:5f0c1b2e-0000-4000-8000-000000000001"));
    consent.addPolicy().setUri(ConsentForm.REVOCATION_STATEMENT);
    consent.setPolicyRule(new CodeableConcept(new Coding(SecurityLabels.ACT_CODE, "OPTIN", null)));
    Consent.ProvisionComponent provision = consent.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    provision
        .getPeriod()
        .setStartElement(new DateTimeType(start))
        .setEndElement(new DateTimeType(end));
    for (String recipient : recipients) {
      Reference reference =
          recipient.contains("|")
              ? new Reference()
                  .setIdentifier(
                      new org.hl7.fhir.r4.model.Identifier()
                          .setSystem(recipient.substring(0, recipient.indexOf('|')))
                          .setValue(recipient.substring(recipient.indexOf('|') + 1)))
              : new Reference(recipient);
      provision
          .addActor()
          .setRole(
              new CodeableConcept(
                  new Coding(
                      ConsentEvaluator.RECIPIENT_ROLE_SYSTEM,
                      ConsentEvaluator.RECIPIENT_ROLE,
                      null)))
          .setReference(reference);
    }
    provision
        .addActor()
        .setRole(
            new CodeableConcept(
                new Coding(
                    ConsentEvaluator.INTERMEDIARY_ROLE_SYSTEM,
                    ConsentEvaluator.INTERMEDIARY_ROLE,
                    null)))
        .setReference(new Reference("Organization/continuum-gateway"));
    for (String purpose : purposes) {
      provision.addPurpose(new Coding(SecurityLabels.ACT_REASON, purpose, null));
    }
    provision.addSecurityLabel(new Coding(SecurityLabels.CONFIDENTIALITY, "R", null));
    provision.addSecurityLabel(new Coding(SecurityLabels.ACT_CODE, SecurityLabels.PART2, null));
    return consent;
  }
}
