package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

class ConsentFormTest {

  private final ConsentForm form =
      new ConsentForm(
          PurposesOfUse.fromHapi(FhirContext.forR4Cached()),
          "continuum-gateway",
          "demo-probation"::equals);

  private static Consent complete() {
    return ConsentFixtures.consent(
        "p1", "2026-11-21", "2027-11-21", new String[] {"Organization/demo-housing"}, "COC");
  }

  @Test
  void aCompleteConsentHasNoProblems() {
    assertThat(form.problems(complete())).isEmpty();
  }

  @Test
  void eachMissingStatementIsNamedByItsElement() {
    Consent consent = complete();
    consent.getPatient().setReference(null);
    consent.getProvision().getPeriod().setEnd(null);
    consent.getProvision().getActor().clear();

    assertThat(form.problems(consent))
        .extracting(ConsentForm.Problem::element)
        .containsExactly(
            "Consent.patient",
            "Consent.provision.period.end",
            "Consent.provision.actor",
            "Consent.provision.actor");
  }

  @Test
  void unknownAndLegalPurposesAreNamedByTheirIndex() {
    Consent consent = complete();
    consent.getProvision().addPurpose(new Coding(PurposesOfUse.SYSTEM, "SHOPPING", null));
    consent.getProvision().addPurpose(new Coding(PurposesOfUse.SYSTEM, "HLEGAL", null));
    consent.getProvision().addPurpose(new Coding("http://example.org/purposes", "COC", null));

    assertThat(form.problems(consent))
        .extracting(ConsentForm.Problem::element)
        .containsExactly(
            "Consent.provision.purpose[1]",
            "Consent.provision.purpose[2]",
            "Consent.provision.purpose[3]");
    assertThat(form.problems(consent).get(1).message()).contains("legal proceedings");
  }

  @Test
  void aConsentWithoutSignatureOrRevocationStatementIsNamedByTheirElements() {
    Consent consent = complete();
    consent.setSource(null);
    consent.getPolicy().clear();
    consent.setDateTime(null);

    assertThat(form.problems(consent))
        .extracting(ConsentForm.Problem::element)
        .containsExactly("Consent.dateTime", "Consent.source[x]", "Consent.policy");
  }

  @Test
  void contradictingNestedProvisionsAreNamed() {
    Consent consent = complete();
    consent
        .getProvision()
        .addClass_(new Coding(ConsentScope.RESOURCE_TYPES, "MedicationStatement", null));
    consent
        .getProvision()
        .addProvision()
        .setType(Consent.ConsentProvisionType.PERMIT)
        .addClass_(new Coding(ConsentScope.RESOURCE_TYPES, "Condition", null));
    consent.getProvision().addProvision().setType(Consent.ConsentProvisionType.DENY);
    consent.getProvision().addClass_(new Coding(ConsentScope.RESOURCE_TYPES, "NoSuchType", null));

    assertThat(form.problems(consent))
        .extracting(ConsentForm.Problem::element)
        .containsExactly(
            "Consent.provision.class[1]",
            "Consent.provision.provision[0].type",
            "Consent.provision.provision[0].class[0]",
            "Consent.provision.provision[1]");
  }

  @Test
  void onlyAConsentToACriminalJusticeAgencyMayLimitItsRevocationAndNotBeyondItsExpiry() {
    Consent housing = complete();
    housing.addExtension(
        ConsentForm.IRREVOCABLE_UNTIL, new org.hl7.fhir.r4.model.DateTimeType("2027-06-01"));
    Consent probation =
        ConsentFixtures.consent(
            "p1", "2026-11-21", "2027-11-21", new String[] {"Organization/demo-probation"}, "COC");
    probation.addExtension(
        ConsentForm.IRREVOCABLE_UNTIL, new org.hl7.fhir.r4.model.DateTimeType("2027-06-01"));
    Consent tooLong =
        ConsentFixtures.consent(
            "p1", "2026-11-21", "2027-11-21", new String[] {"Organization/demo-probation"}, "COC");
    tooLong.addExtension(
        ConsentForm.IRREVOCABLE_UNTIL, new org.hl7.fhir.r4.model.DateTimeType("2028-01-01"));

    assertThat(form.problems(housing))
        .extracting(ConsentForm.Problem::message)
        .singleElement()
        .asString()
        .contains("Organization/demo-housing is not one");
    assertThat(form.problems(probation)).isEmpty();
    assertThat(form.problems(tooLong))
        .extracting(ConsentForm.Problem::message)
        .singleElement()
        .asString()
        .contains("beyond its own expiry");
  }

  @Test
  void anIrrevocableConsentCannotBeRevokedBeforeItsDateButCanAfter() {
    Consent probation =
        ConsentFixtures.consent(
            "p1", "2026-11-21", "2027-11-21", new String[] {"Organization/demo-probation"}, "COC");
    probation.addExtension(
        ConsentForm.IRREVOCABLE_UNTIL, new org.hl7.fhir.r4.model.DateTimeType("2027-06-01"));
    Consent revoked = probation.copy().setStatus(Consent.ConsentState.INACTIVE);
    java.time.Instant before = java.time.Instant.parse("2027-01-01T00:00:00Z");
    java.time.Instant after = java.time.Instant.parse("2027-06-02T00:00:00Z");

    assertThat(form.revocationProblem(probation, revoked, before))
        .get()
        .extracting(ConsentForm.Problem::element)
        .isEqualTo("Consent.status");
    assertThat(form.revocationProblem(probation, null, before)).isPresent();
    assertThat(form.revocationProblem(probation, probation.copy(), before)).isEmpty();
    assertThat(form.revocationProblem(probation, revoked, after)).isEmpty();
  }

  @Test
  void aConsentThatIsNotASudDisclosureConsentIsNotChecked() {
    assertThat(form.problems(new Consent().setStatus(Consent.ConsentState.ACTIVE))).isEmpty();
  }
}
