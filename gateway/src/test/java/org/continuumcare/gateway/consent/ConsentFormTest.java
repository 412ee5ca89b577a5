package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;

class ConsentFormTest {

  private final ConsentForm form = new ConsentForm(PurposesOfUse.fromHapi(FhirContext.forR4Cached()), "continuum-gateway");

  private static Consent complete() {
    return ConsentFixtures.consent("p1", "2026-11-21", "2027-11-21", new String[] {"Organization/demo-housing"}, "COC");
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

    assertThat(form.problems(consent)).extracting(ConsentForm.Problem::element).containsExactly(
        "Consent.patient", "Consent.provision.period.end", "Consent.provision.actor", "Consent.provision.actor");
  }

  @Test
  void unknownAndLegalPurposesAreNamedByTheirIndex() {
    Consent consent = complete();
    consent.getProvision().addPurpose(new Coding(PurposesOfUse.SYSTEM, "SHOPPING", null));
    consent.getProvision().addPurpose(new Coding(PurposesOfUse.SYSTEM, "HLEGAL", null));
    consent.getProvision().addPurpose(new Coding("http://example.org/purposes", "COC", null));

    assertThat(form.problems(consent)).extracting(ConsentForm.Problem::element)
        .containsExactly("Consent.provision.purpose[1]", "Consent.provision.purpose[2]", "Consent.provision.purpose[3]");
    assertThat(form.problems(consent).get(1).message()).contains("legal proceedings");
  }

  @Test
  void aConsentThatIsNotASudDisclosureConsentIsNotChecked() {
    assertThat(form.problems(new Consent().setStatus(Consent.ConsentState.ACTIVE))).isEmpty();
  }
}
