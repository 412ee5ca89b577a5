package org.continuumcare.routes.employment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.ReferralParts;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class EmploymentReferralMapperTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private final EmploymentReferralMapper mapper = new EmploymentReferralMapper(CLOCK);

  private static ServiceRequest employmentReferral() {
    ServiceRequest sr = ReferralFixtures.housingReferral();
    sr.setId("jordan-referral-employment");
    sr.getCategory().clear();
    sr.addCategory(
        new CodeableConcept(
            new Coding(ReferralFixtures.SDOHCC, "employment-status", "Employment Status")));
    sr.setCode(new CodeableConcept().setText("Supported employment (IPS)"));
    sr.setPriority(ServiceRequest.ServiceRequestPriority.URGENT);
    sr.addNote().setText("Prefers warehouse or kitchen work");
    return sr;
  }

  @Test
  void mapsTheReferralToThePartnerJsonConformingToItsSchema() {
    ReferralParts parts =
        new ReferralParts(
            employmentReferral(),
            ReferralFixtures.task("task-e1", "jordan-referral-employment"),
            ReferralFixtures.jordan());

    JsonNode doc = new ObjectMapper().valueToTree(mapper.map(parts));

    assertThat(doc.get("referralId").asText()).isEqualTo("task-e1");
    assertThat(doc.get("requestedService").asText()).isEqualTo("Supported employment (IPS)");
    assertThat(doc.get("categories").get(0).asText()).isEqualTo("employment-status");
    assertThat(doc.get("priority").asText()).isEqualTo("urgent");
    assertThat(doc.get("availableFrom").asText()).isEqualTo("2026-12-01");
    assertThat(doc.get("note").asText()).isEqualTo("Prefers warehouse or kitchen work");
    assertThat(doc.get("sentAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(
            PartnerJsonSchema.fromClasspath("employment/employment-referral.schema.json")
                .violations(doc))
        .isEmpty();
  }
}
