package org.continuumcare.gateway.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The zero-setup run's releases, around {@code today}, so that every page of the console has
 * something to show on a fresh start:
 *
 * <ul>
 *   <li>Jordan Reyes released in 5 days to {@code demo-treatment} (Jordan's consent covers it),
 *       with housing and employment referrals that Jordan's consent does not cover: held for
 *       consent, with the reason;
 *   <li>Alex Morgan released 4 days ago, whose consent covers {@code demo-treatment} and {@code
 *       demo-housing}: a housing referral the housing caseworker can accept, and a treatment
 *       referral not acknowledged before release;
 *   <li>a peer-support referral for Jordan to {@code demo-peer-support}, which has no Endpoint: a
 *       dead letter an administrator can replay (once an Endpoint exists it is delivered).
 * </ul>
 *
 * Pure: the same day always gives the same handoffs and resources, so a restart on the same day
 * changes nothing.
 */
final class DemoReleases {

  static final String BOOKING = "https://continuumcare.org/fhir/sid/demo-prison-booking";
  static final String ALEX = "alex-morgan";
  static final String ALEX_CONSENT = "alex-sud-consent";
  static final String PEER_SUPPORT = "demo-peer-support";
  static final String PEER_SUPPORT_REFERRAL = "jordan-peer-support-referral";

  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private DemoReleases() {}

  /** The two JSON handoffs (Jordan's is the README's example with today's dates). */
  static List<byte[]> handoffs(LocalDate today) {
    List<byte[]> handoffs = new ArrayList<>();
    handoffs.add(
        handoff(
            "RCF-2026-DEMO-00417",
            "RCF-2024-00417",
            "Reyes",
            "Jordan",
            "1991-04-12",
            "male",
            today.plusDays(5),
            true,
            true,
            "Consent/jordan-sud-consent"));
    handoffs.add(
        handoff(
            "RCF-2026-DEMO-00502",
            "RCF-2024-00502",
            "Morgan",
            "Alex",
            "1988-09-30",
            "female",
            today.minusDays(4),
            true,
            false,
            "Consent/" + ALEX_CONSENT));
    return handoffs;
  }

  private static byte[] handoff(
      String handoffId,
      String booking,
      String family,
      String given,
      String birthDate,
      String sex,
      LocalDate release,
      boolean housing,
      boolean employment,
      String consent) {
    String json =
        """
        {"handoffId": "%s",
         "person": {"identifiers": [{"system": "%s", "value": "%s"}],
                    "name": {"family": "%s", "given": ["%s"]}, "birthDate": "%s", "sex": "%s"},
         "release": {"date": "%s", "confirmed": false, "type": "parole",
                     "facility": {"id": "RCF", "name": "Riverside Correctional Facility"}},
         "medications": [{"role": "moud", "name": "Buprenorphine/naloxone 8 mg/2 mg sublingual film",
                          "dosage": "One film under the tongue once daily", "supplyAtReleaseDays": 7}],
         "conditions": [{"text": "Opioid use disorder, moderate",
                         "code": {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F11.20",
                                  "display": "Opioid dependence, uncomplicated"}}],
         "needs": {"housing": %s, "employment": %s, "peerSupport": false},
         "receivingProvider": {"organizationId": "demo-treatment"},
         "consent": {"reference": "%s"}}
        """
            .formatted(
                handoffId,
                BOOKING,
                booking,
                family,
                given,
                birthDate,
                sex,
                release,
                housing,
                employment,
                consent);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Written before the handoffs: Alex (matched by the handoff on the booking number) and Alex's
   * consent to disclose to the treatment provider and the housing provider, from the first day of
   * the year for a year and a half.
   */
  static List<Resource> before(LocalDate today) {
    Patient alex = new Patient();
    alex.setId("Patient/" + ALEX);
    alex.addIdentifier().setSystem(BOOKING).setValue("RCF-2024-00502");
    alex.addName(new HumanName().setFamily("Morgan").addGiven("Alex"));
    alex.setBirthDateElement(new DateType("1988-09-30"));
    alex.setGender(AdministrativeGender.FEMALE);
    LocalDate start = today.withDayOfYear(1);
    return List.of(tagged(alex), tagged(consent(start, start.plusMonths(18))));
  }

  private static Consent consent(LocalDate start, LocalDate end) {
    Consent consent = new Consent();
    consent.setId("Consent/" + ALEX_CONSENT);
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.setScope(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
    consent.addCategory(new CodeableConcept(new Coding(ACT_CODE, "IDSCL", null)));
    consent.addCategory(new CodeableConcept(new Coding(ACT_CODE, "42CFRPart2", null)));
    consent.setPatient(new Reference("Patient/" + ALEX));
    consent.setDateTimeElement(new DateTimeType(start.toString()));
    consent.addPerformer(new Reference("Patient/" + ALEX));
    consent.addOrganization(new Reference("Organization/demo-prison"));
    consent.setSource(
        new Attachment()
            .setContentType("application/pdf")
            .setTitle("Signed consent form")
            .setUrl("urn:uuid:0b7d3c52-6a1e-4c55-9d2f-a1e7c0de0502"));
    consent.addPolicy().setUri("https://continuumcare.org/fhir/consent-policy/part2-revocation");
    consent.setPolicyRule(new CodeableConcept(new Coding(ACT_CODE, "OPTIN", null)));
    Consent.ProvisionComponent provision = consent.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    provision
        .getPeriod()
        .setStartElement(new DateTimeType(start.toString()))
        .setEndElement(new DateTimeType(end.toString()));
    for (String recipient : List.of("demo-treatment", "demo-housing")) {
      provision
          .addActor()
          .setRole(
              new CodeableConcept(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", null)))
          .setReference(new Reference("Organization/" + recipient));
    }
    provision
        .addActor()
        .setRole(
            new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                    "dataprocessor",
                    null)))
        .setReference(new Reference("Organization/continuum-gateway"));
    provision.addPurpose(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREAT", null));
    provision.addPurpose(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "COC", null));
    provision.addSecurityLabel(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", null));
    provision.addSecurityLabel(new Coding(ACT_CODE, "42CFRPart2", null));
    return consent;
  }

  /** Written after the handoffs: the peer-support referral whose partner has no Endpoint. */
  static List<Resource> after(LocalDate today) {
    ServiceRequest referral = new ServiceRequest();
    referral.setId("ServiceRequest/" + PEER_SUPPORT_REFERRAL);
    referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.addCategory(
        new CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/referral-category",
                "peer-support",
                "Peer recovery support")));
    referral.setSubject(new Reference("Patient/jordan-reyes"));
    referral.setAuthoredOnElement(new DateTimeType(today.toString()));
    referral.setRequester(new Reference("Organization/continuum-gateway"));
    referral.addPerformer(new Reference("Organization/" + PEER_SUPPORT));
    return List.of(tagged(referral));
  }

  private static Resource tagged(Resource resource) {
    resource
        .getMeta()
        .addTag(DemoResources.DEMO_TAG_SYSTEM, "demo", "Demo data of the zero-setup run");
    return resource;
  }
}
