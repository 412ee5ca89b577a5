package org.continuumcare.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.JsonIntake;
import org.continuumcare.routes.prison.PrisonJsonTranslator;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The zero-setup run's releases are valid input: both handoffs pass the JSON handoff's schema and
 * rules, and Alex's consent is a complete SUD disclosure consent (the gateway's consent form rules
 * accept it from a client).
 */
class DemoReleasesIT extends GatewayIntegrationTest {

  @Autowired PrisonJsonTranslator translator;

  @Test
  void theDemoHandoffsAreValidJsonHandoffs() {
    LocalDate today = LocalDate.of(2026, 12, 5);
    List<byte[]> handoffs = DemoReleases.handoffs(today);
    assertThat(handoffs).hasSize(2);
    for (byte[] handoff : handoffs) {
      JsonIntake intake = translator.translate(handoff);
      assertThat(intake)
          .as(intake instanceof JsonIntake.Refused refused ? refused.problem().toString() : "")
          .isInstanceOf(JsonIntake.Translated.class);
    }
  }

  @Test
  void alexsConsentIsAcceptedByTheConsentFormRules() {
    for (String id :
        List.of("demo-prison", "demo-treatment", "demo-housing", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    List<Resource> before = DemoReleases.before(LocalDate.of(2026, 12, 5));
    fhir().update().resource((Patient) before.get(0)).execute();
    Consent consent = (Consent) before.get(1);
    assertThat(fhir().update().resource(consent).execute().getId().getIdPart())
        .isEqualTo(DemoReleases.ALEX_CONSENT);
  }
}
