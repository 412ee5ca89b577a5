package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.continuumcare.gateway.consent.ConsentDecision.Outcome;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

class ConsentEvaluatorTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private static final String[] HOUSING = {"Organization/demo-housing"};

  private static final PurposesOfUse PURPOSES =
      PurposesOfUse.fromHapi(ca.uhn.fhir.context.FhirContext.forR4Cached());

  private final ConsentEvaluator evaluator =
      new ConsentEvaluator(NOW, "continuum-gateway", PURPOSES);

  /** A SUD record of p1: buprenorphine (RxNorm 1819). */
  private static final org.hl7.fhir.r4.model.MedicationStatement RECORD = sudRecord();

  private static org.hl7.fhir.r4.model.MedicationStatement sudRecord() {
    var statement = new org.hl7.fhir.r4.model.MedicationStatement();
    statement.setId("MedicationStatement/m1");
    statement.setMedication(
        new org.hl7.fhir.r4.model.CodeableConcept(
            new org.hl7.fhir.r4.model.Coding(
                "http://www.nlm.nih.gov/research/umls/rxnorm", "1819", "buprenorphine")));
    statement.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/p1"));
    SecurityLabels.labelPart2(statement);
    return statement;
  }

  private static Consent valid() {
    Consent consent =
        ConsentFixtures.consent("p1", "2026-11-21", "2027-11-21", HOUSING, "TREAT", "COC");
    consent.setId("Consent/c1");
    return consent;
  }

  private ConsentDecision decide(Consent consent, Recipient recipient, String purpose) {
    return evaluator.evaluate(List.of(consent), Map.of(), recipient, purpose, RECORD, () -> true);
  }

  @Test
  void activeConsentNamingRecipientPurposeAndGatewayPermitsAndNamesTheConsent() {
    ConsentDecision decision = decide(valid(), Recipient.of("demo-housing"), "COC");

    assertThat(decision.permitted()).isTrue();
    assertThat(decision.consentId()).contains("Consent/c1");
  }

  @Test
  void noConsentAtAllDenies() {
    assertThat(
            evaluator
                .evaluate(
                    List.of(), Map.of(), Recipient.of("demo-housing"), "COC", RECORD, () -> true)
                .outcome())
        .isEqualTo(Outcome.NO_CONSENT);
  }

  @Test
  void expiredConsentDenies() {
    Consent consent = ConsentFixtures.consent("p1", "2025-01-01", "2026-11-24", HOUSING, "COC");
    assertThat(decide(consent, Recipient.of("demo-housing"), "COC").outcome())
        .isEqualTo(Outcome.EXPIRED);
  }

  @Test
  void endDateLastsTheWholeDay() {
    Consent consent = ConsentFixtures.consent("p1", "2025-01-01", "2026-11-25", HOUSING, "COC");
    assertThat(decide(consent, Recipient.of("demo-housing"), "COC").permitted()).isTrue();
  }

  @Test
  void consentNotYetStartedDenies() {
    Consent consent = ConsentFixtures.consent("p1", "2026-12-01", "2027-12-01", HOUSING, "COC");
    assertThat(decide(consent, Recipient.of("demo-housing"), "COC").outcome())
        .isEqualTo(Outcome.NOT_YET_VALID);
  }

  @Test
  void revokedConsentDenies() {
    Consent consent = valid().setStatus(Consent.ConsentState.INACTIVE);
    assertThat(decide(consent, Recipient.of("demo-housing"), "COC").outcome())
        .isEqualTo(Outcome.INACTIVE);
  }

  @Test
  void otherRecipientDenies() {
    assertThat(decide(valid(), Recipient.of("demo-employment"), "COC").outcome())
        .isEqualTo(Outcome.WRONG_RECIPIENT);
  }

  @Test
  void purposeNotListedDenies() {
    assertThat(decide(valid(), Recipient.of("demo-housing"), "HPAYMT").outcome())
        .isEqualTo(Outcome.WRONG_PURPOSE);
  }

  @Test
  void missingPurposeDenies() {
    assertThat(decide(valid(), Recipient.of("demo-housing"), null).outcome())
        .isEqualTo(Outcome.WRONG_PURPOSE);
  }

  @Test
  void consentWithoutTheGatewayAsIntermediaryDenies() {
    Consent consent = valid();
    consent
        .getProvision()
        .getActor()
        .removeIf(
            actor ->
                actor
                    .getRole()
                    .getCodingFirstRep()
                    .getCode()
                    .equals(ConsentEvaluator.INTERMEDIARY_ROLE));
    assertThat(decide(consent, Recipient.of("demo-housing"), "COC").outcome())
        .isEqualTo(Outcome.NO_INTERMEDIARY);
  }

  @Test
  void consentOfAnotherKindIsNoConsent() {
    Consent consent = valid();
    consent
        .getCategory()
        .removeIf(c -> c.getCodingFirstRep().getCode().equals(SecurityLabels.PART2));
    assertThat(decide(consent, Recipient.of("demo-housing"), "COC").outcome())
        .isEqualTo(Outcome.NO_CONSENT);
  }

  @Test
  void recipientClassByOrganizationTypePermits() {
    Consent consent =
        ConsentFixtures.consent(
            "p1",
            "2026-01-01",
            "2027-01-01",
            new String[] {"https://continuumcare.org/fhir/CodeSystem/partner-type|housing"},
            "COC");
    Recipient housing =
        new Recipient(
            "demo-housing",
            Set.of("https://continuumcare.org/fhir/CodeSystem/partner-type|housing"),
            Set.of());
    Recipient employment =
        new Recipient(
            "demo-employment",
            Set.of("https://continuumcare.org/fhir/CodeSystem/partner-type|employment"),
            Set.of());

    assertThat(decide(consent, housing, "COC").permitted()).isTrue();
    assertThat(decide(consent, employment, "COC").outcome()).isEqualTo(Outcome.WRONG_RECIPIENT);
  }

  @Test
  void recipientNamedOnlyByClassNeedsATreatingProviderRelationship() {
    Consent consent =
        ConsentFixtures.consent(
            "p1",
            "2026-01-01",
            "2027-01-01",
            new String[] {"https://continuumcare.org/fhir/CodeSystem/partner-type|housing"},
            "COC");
    Recipient housing =
        new Recipient(
            "demo-housing",
            Set.of("https://continuumcare.org/fhir/CodeSystem/partner-type|housing"),
            Set.of());

    assertThat(
            evaluator
                .evaluate(List.of(consent), Map.of(), housing, "COC", RECORD, () -> false)
                .outcome())
        .isEqualTo(Outcome.NO_TREATING_RELATIONSHIP);
    Consent named = ConsentFixtures.consent("p1", "2026-01-01", "2027-01-01", HOUSING, "COC");
    assertThat(
            evaluator
                .evaluate(List.of(named), Map.of(), housing, "COC", RECORD, () -> false)
                .permitted())
        .as("a recipient named as itself needs no such relationship")
        .isTrue();
  }

  @Test
  void parentOrganizationCoversItsDepartments() {
    Consent consent =
        ConsentFixtures.consent(
            "p1", "2026-01-01", "2027-01-01", new String[] {"Organization/county-health"}, "TREAT");
    Recipient clinic = new Recipient("county-clinic", Set.of(), Set.of("county-health"));

    assertThat(decide(consent, clinic, "TREAT").permitted()).isTrue();
  }

  @Test
  void careTeamCoversItsMemberOrganizations() {
    Consent consent =
        ConsentFixtures.consent(
            "p1", "2026-01-01", "2027-01-01", new String[] {"CareTeam/jordan-care-team"}, "TREAT");
    Map<String, Set<String>> teams = Map.of("jordan-care-team", Set.of("demo-treatment"));

    assertThat(
            evaluator
                .evaluate(
                    List.of(consent),
                    teams,
                    Recipient.of("demo-treatment"),
                    "TREAT",
                    RECORD,
                    () -> true)
                .permitted())
        .isTrue();
    assertThat(
            evaluator
                .evaluate(
                    List.of(consent),
                    teams,
                    Recipient.of("demo-housing"),
                    "TREAT",
                    RECORD,
                    () -> true)
                .outcome())
        .isEqualTo(Outcome.WRONG_RECIPIENT);
  }

  @Test
  void anyPermittingConsentWinsAndOtherwiseTheClosestReasonIsReported() {
    Consent revoked = valid().setStatus(Consent.ConsentState.INACTIVE);
    // Payment does not cover continuity of care (a consent for TREAT would: COC specialises it).
    Consent wrongPurpose =
        ConsentFixtures.consent("p1", "2026-01-01", "2027-01-01", HOUSING, "HPAYMT");

    assertThat(
            evaluator
                .evaluate(
                    List.of(revoked, wrongPurpose),
                    Map.of(),
                    Recipient.of("demo-housing"),
                    "COC",
                    RECORD,
                    () -> true)
                .outcome())
        .isEqualTo(Outcome.WRONG_PURPOSE);
    assertThat(
            evaluator
                .evaluate(
                    List.of(revoked, wrongPurpose, valid()),
                    Map.of(),
                    Recipient.of("demo-housing"),
                    "COC",
                    RECORD,
                    () -> true)
                .permitted())
        .isTrue();
  }

  private static org.hl7.fhir.r4.model.Condition diagnosis() {
    var condition = new org.hl7.fhir.r4.model.Condition();
    condition.setId("Condition/d1");
    condition.setCode(
        new org.hl7.fhir.r4.model.CodeableConcept(
            new org.hl7.fhir.r4.model.Coding("http://hl7.org/fhir/sid/icd-10-cm", "F11.20", null)));
    condition.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/p1"));
    SecurityLabels.labelPart2(condition);
    return condition;
  }

  private Outcome decideFor(Consent consent, org.hl7.fhir.instance.model.api.IBaseResource record) {
    return evaluator
        .evaluate(
            List.of(consent), Map.of(), Recipient.of("demo-housing"), "COC", record, () -> true)
        .outcome();
  }

  @Test
  void aConsentForMedicationsAndReferralsDoesNotReleaseDiagnoses() {
    Consent consent = valid();
    consent
        .getProvision()
        .addClass_(
            new org.hl7.fhir.r4.model.Coding(
                ConsentScope.RESOURCE_TYPES, "MedicationStatement", null));
    consent
        .getProvision()
        .addClass_(
            new org.hl7.fhir.r4.model.Coding(ConsentScope.RESOURCE_TYPES, "ServiceRequest", null));

    assertThat(decideFor(consent, RECORD)).isEqualTo(Outcome.PERMIT);
    assertThat(decideFor(consent, diagnosis())).isEqualTo(Outcome.OUT_OF_SCOPE);
  }

  @Test
  void provisionCodeAndDataLimitWhatIsReleased() {
    Consent byCode = valid();
    byCode
        .getProvision()
        .addCode(
            new org.hl7.fhir.r4.model.CodeableConcept(
                new org.hl7.fhir.r4.model.Coding(
                    "http://www.nlm.nih.gov/research/umls/rxnorm", "1819", null)));
    Consent byData = valid();
    byData
        .getProvision()
        .addData()
        .setMeaning(Consent.ConsentDataMeaning.INSTANCE)
        .setReference(new org.hl7.fhir.r4.model.Reference("Condition/d1"));

    assertThat(decideFor(byCode, RECORD)).isEqualTo(Outcome.PERMIT);
    assertThat(decideFor(byCode, diagnosis())).isEqualTo(Outcome.OUT_OF_SCOPE);
    assertThat(decideFor(byData, diagnosis())).isEqualTo(Outcome.PERMIT);
    assertThat(decideFor(byData, RECORD)).isEqualTo(Outcome.OUT_OF_SCOPE);
  }

  private static Consent restriction(String recipient) {
    Consent restriction = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    restriction.setId("Consent/r1");
    restriction.addCategory(
        new org.hl7.fhir.r4.model.CodeableConcept(
            new org.hl7.fhir.r4.model.Coding(SecurityLabels.ACT_CODE, SecurityLabels.PART2, null)));
    restriction.setPatient(new org.hl7.fhir.r4.model.Reference("Patient/p1"));
    restriction
        .getProvision()
        .setType(Consent.ConsentProvisionType.DENY)
        .addActor()
        .setReference(new org.hl7.fhir.r4.model.Reference(recipient));
    return restriction;
  }

  @Test
  void aRestrictionThePatientRequestedWinsOverEveryPermit() {
    assertThat(
            evaluator
                .evaluate(
                    List.of(valid(), restriction("Organization/demo-housing")),
                    Map.of(),
                    Recipient.of("demo-housing"),
                    "COC",
                    RECORD,
                    () -> true)
                .outcome())
        .isEqualTo(Outcome.RESTRICTED);
    assertThat(
            evaluator
                .evaluate(
                    List.of(valid(), restriction("Organization/demo-employment")),
                    Map.of(),
                    Recipient.of("demo-housing"),
                    "COC",
                    RECORD,
                    () -> true)
                .permitted())
        .isTrue();
    Consent lifted =
        restriction("Organization/demo-housing").setStatus(Consent.ConsentState.INACTIVE);
    assertThat(
            evaluator
                .evaluate(
                    List.of(valid(), lifted),
                    Map.of(),
                    Recipient.of("demo-housing"),
                    "COC",
                    RECORD,
                    () -> true)
                .permitted())
        .isTrue();
  }

  @Test
  void aNestedDenyProvisionExcludesWhatItMatches() {
    Consent consent = valid();
    consent
        .getProvision()
        .addProvision()
        .setType(Consent.ConsentProvisionType.DENY)
        .addClass_(
            new org.hl7.fhir.r4.model.Coding(ConsentScope.RESOURCE_TYPES, "Condition", null));
    Consent notForHousing = valid();
    notForHousing
        .getProvision()
        .addProvision()
        .setType(Consent.ConsentProvisionType.DENY)
        .addActor()
        .setReference(new org.hl7.fhir.r4.model.Reference("Organization/demo-housing"));

    assertThat(decideFor(consent, RECORD)).isEqualTo(Outcome.PERMIT);
    assertThat(decideFor(consent, diagnosis())).isEqualTo(Outcome.EXCLUDED);
    assertThat(decideFor(notForHousing, RECORD)).isEqualTo(Outcome.EXCLUDED);
  }

  @Test
  void aConsentForTreatmentCoversContinuityOfCareButNotTheOtherWayRound() {
    Consent treatment = ConsentFixtures.consent("p1", "2026-11-21", "2027-11-21", HOUSING, "TREAT");
    Consent continuity = ConsentFixtures.consent("p1", "2026-11-21", "2027-11-21", HOUSING, "COC");

    assertThat(decide(treatment, Recipient.of("demo-housing"), "COC").permitted()).isTrue();
    assertThat(decide(treatment, Recipient.of("demo-housing"), "ETREAT").permitted()).isTrue();
    assertThat(decide(continuity, Recipient.of("demo-housing"), "TREAT").outcome())
        .isEqualTo(Outcome.WRONG_PURPOSE);
    assertThat(decide(treatment, Recipient.of("demo-housing"), "HPAYMT").outcome())
        .isEqualTo(Outcome.WRONG_PURPOSE);
  }

  @Test
  void legalProceedingsAreNeverGrantedByAConsentEvenOneThatListsThem() {
    Consent legal =
        ConsentFixtures.consent(
            "p1", "2026-11-21", "2027-11-21", HOUSING, "HLEGAL", "LEGAL", "HOPERAT");

    assertThat(decide(legal, Recipient.of("demo-housing"), "HLEGAL").outcome())
        .isEqualTo(Outcome.LEGAL_PROCEEDINGS);
    assertThat(decide(legal, Recipient.of("demo-housing"), "LEGAL").outcome())
        .isEqualTo(Outcome.LEGAL_PROCEEDINGS);
    assertThat(decide(legal, Recipient.of("demo-housing"), "HSYSADMIN").permitted())
        .as("HOPERAT covers HSYSADMIN")
        .isTrue();
  }

  // --- grants: what a consent can permit, judged without the record

  private boolean mayPermit(Consent consent, Recipient recipient, String purpose) {
    return evaluator
        .grantOf(consent)
        .map(g -> evaluator.mayPermit(g, recipient, purpose))
        .orElse(false);
  }

  @Test
  void aGrantMayPermitWhereverTheConsentPermitsARecord() {
    Recipient housing = Recipient.of("demo-housing");
    Recipient child = new Recipient("housing-east", Set.of(), Set.of("demo-housing"));
    Recipient typed =
        new Recipient("shelter-9", Set.of("http://example.org/org-type|shelter"), Set.of());
    Recipient other = Recipient.of("demo-employment");
    Consent inactive = valid();
    inactive.setStatus(Consent.ConsentState.INACTIVE);
    Consent byClass =
        ConsentFixtures.consent(
            "p1",
            "2026-01-01",
            "2027-01-01",
            new String[] {"http://example.org/org-type|shelter"},
            "TREAT");
    List<Consent> consents =
        List.of(
            valid(),
            inactive,
            byClass,
            ConsentFixtures.consent("p1", "2025-01-01", "2026-11-24", HOUSING, "COC"),
            ConsentFixtures.consent("p1", "2026-12-01", "2027-11-24", HOUSING, "COC"),
            ConsentFixtures.consent("p1", "2026-01-01", "2027-11-24", HOUSING, "HOPERAT"));
    int permitted = 0;
    for (Consent consent : consents) {
      for (Recipient recipient : List.of(housing, child, typed, other)) {
        for (String purpose : List.of("TREAT", "COC", "HOPERAT", "ETREAT")) {
          if (decide(consent, recipient, purpose).permitted()) {
            permitted++;
            assertThat(mayPermit(consent, recipient, purpose))
                .as(
                    "%s to %s for %s",
                    consent.getProvision().getPeriod().getEndElement().asStringValue(),
                    recipient.organizationId(),
                    purpose)
                .isTrue();
          }
        }
      }
    }
    assertThat(permitted).isGreaterThan(4);
  }

  @Test
  void aGrantMayNotPermitOutsideItsPeriodRecipientOrPurposeNorWhenInactive() {
    Recipient housing = Recipient.of("demo-housing");
    Consent inactive = valid();
    inactive.setStatus(Consent.ConsentState.INACTIVE);

    assertThat(mayPermit(valid(), housing, "COC")).isTrue();
    assertThat(mayPermit(valid(), Recipient.of("demo-employment"), "COC")).isFalse();
    assertThat(mayPermit(valid(), housing, "HOPERAT")).isFalse();
    assertThat(mayPermit(inactive, housing, "COC")).isFalse();
    assertThat(
            mayPermit(
                ConsentFixtures.consent("p1", "2025-01-01", "2026-11-24", HOUSING, "COC"),
                housing,
                "COC"))
        .isFalse();
    assertThat(
            mayPermit(
                ConsentFixtures.consent("p1", "2026-12-01", "2027-11-24", HOUSING, "COC"),
                housing,
                "COC"))
        .isFalse();
    assertThat(evaluator.grantOf(valid()).orElseThrow().patientId()).isEqualTo("p1");
  }
}
