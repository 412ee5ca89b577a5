package org.continuumcare.routes.probation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.ReferralParts;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class ProbationReferralMapperTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private final ProbationReferralMapper mapper = new ProbationReferralMapper(CLOCK);
  private final ObjectMapper json = new ObjectMapper();
  private final PartnerJsonSchema schema =
      PartnerJsonSchema.fromClasspath(ProbationReferral.SCHEMA);

  /**
   * The release team's referral for community supervision from the release day, with a clinical
   * note.
   */
  private static ReferralParts releaseNotice() {
    ServiceRequest sr = ReferralFixtures.housingReferral();
    sr.setId("jordan-referral-supervision");
    sr.setCategory(
        java.util.List.of(
            new CodeableConcept()
                .addCoding(
                    new org.hl7.fhir.r4.model.Coding(
                        "https://continuumcare.org/fhir/CodeSystem/referral-category",
                        "legal-services",
                        null))));
    sr.setCode(new CodeableConcept().setText("Community supervision after release"));
    sr.addNote(new Annotation().setText("On buprenorphine 16 mg daily"));
    return new ReferralParts(
        sr,
        ReferralFixtures.task("task-p1", "jordan-referral-supervision"),
        ReferralFixtures.jordan());
  }

  @Test
  void theReleaseNoticeCarriesWhoWhatAndFromWhenButNoNotes() {
    JsonNode doc = json.valueToTree(mapper.map(releaseNotice()));

    assertThat(doc.get("referralId").asText()).isEqualTo("task-p1");
    assertThat(doc.get("serviceRequestId").asText()).isEqualTo("jordan-referral-supervision");
    assertThat(doc.get("status").asText()).isEqualTo("requested");
    assertThat(doc.get("sentAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(doc.get("requestedService").asText())
        .isEqualTo("Community supervision after release");
    assertThat(doc.get("categories").get(0).asText()).isEqualTo("legal-services");
    assertThat(doc.get("supervisionFrom").asText()).isEqualTo("2026-12-01");
    assertThat(doc.get("person").get("familyName").asText()).isEqualTo("Reyes");
    assertThat(doc.has("note")).isFalse();
    assertThat(doc.toString())
        .doesNotContain("buprenorphine", "safe-housing", "QuestionnaireResponse");
  }

  @Test
  void theJsonConformsToThePublishedSchema() {
    assertThat(schema.violations(json.valueToTree(mapper.map(releaseNotice())))).isEmpty();
  }

  @Test
  void theSchemaRefusesAFreeTextNote() {
    ObjectNode doc = json.valueToTree(mapper.map(releaseNotice()));
    doc.put("note", "On buprenorphine 16 mg daily");

    assertThat(schema.violations(doc)).singleElement().asString().startsWith("/note: ");
  }
}
