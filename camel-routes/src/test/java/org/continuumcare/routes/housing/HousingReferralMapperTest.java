package org.continuumcare.routes.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.ReferralMappingException;
import org.continuumcare.routes.referral.ReferralParts;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class HousingReferralMapperTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private final HousingReferralMapper mapper = new HousingReferralMapper(CLOCK);
  private final ObjectMapper json = new ObjectMapper();

  private static ReferralParts jordan(ServiceRequest sr) {
    return new ReferralParts(
        sr, ReferralFixtures.task("task-h1", "jordan-referral-housing"), ReferralFixtures.jordan());
  }

  @Test
  void mapsTheReferralToThePartnerJsonWithTheMinimumNecessary() throws Exception {
    JsonNode doc = json.valueToTree(mapper.map(jordan(ReferralFixtures.housingReferral())));

    assertThat(doc.get("referralId").asText()).isEqualTo("task-h1");
    assertThat(doc.get("serviceRequestId").asText()).isEqualTo("jordan-referral-housing");
    assertThat(doc.get("sentAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(doc.get("authoredOn").asText()).isEqualTo("2026-11-21T09:00:00Z");
    assertThat(doc.get("requestedService").asText()).isEqualTo("Recovery housing placement");
    assertThat(doc.get("categories").get(0).asText()).isEqualTo("housing-instability");
    assertThat(doc.get("priority").asText()).isEqualTo("routine");
    assertThat(doc.get("neededFrom").asText()).isEqualTo("2026-12-01");
    assertThat(doc.get("neededUntil").asText()).isEqualTo("2026-12-31");
    assertThat(doc.get("referrer").asText()).isEqualTo("Sam Okafor, peer recovery coach");
    JsonNode person = doc.get("person");
    assertThat(person.get("familyName").asText()).isEqualTo("Reyes");
    assertThat(person.get("givenName").asText()).isEqualTo("Jordan");
    assertThat(person.get("birthDate").asText()).isEqualTo("1991-04-12");
    assertThat(person.get("phone").asText()).isEqualTo("+1 555 0100");
    assertThat(person.get("identifiers")).hasSize(2);
    // nothing clinical: no reasons (recovery-capital scores), no assessments, no gender, no e-mail
    assertThat(doc.toString())
        .doesNotContain("safe-housing", "QuestionnaireResponse", "male", "example.org");
  }

  @Test
  void theJsonConformsToThePublishedSchema() {
    JsonNode doc = json.valueToTree(mapper.map(jordan(ReferralFixtures.housingReferral())));

    assertThat(
            PartnerJsonSchema.fromClasspath("housing/housing-referral.schema.json").violations(doc))
        .isEmpty();
  }

  @Test
  void theSchemaCheckNoticesAnUnexpectedProperty() {
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        json.valueToTree(mapper.map(jordan(ReferralFixtures.housingReferral())));
    doc.put("diagnosis", "F11.20");

    assertThat(
            PartnerJsonSchema.fromClasspath("housing/housing-referral.schema.json").violations(doc))
        .singleElement()
        .asString()
        .startsWith("/diagnosis: ");
  }

  @Test
  void aReferralThatDoesNotSayWhatIsRequestedCannotBeMapped() {
    ServiceRequest sr = ReferralFixtures.housingReferral().setCode(new CodeableConcept());

    assertThatThrownBy(() -> mapper.map(jordan(sr)))
        .isInstanceOf(ReferralMappingException.class)
        .hasMessageContaining("does not say what service is requested");
  }
}
