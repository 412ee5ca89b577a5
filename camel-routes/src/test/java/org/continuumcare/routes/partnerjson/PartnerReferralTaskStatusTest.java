package org.continuumcare.routes.partnerjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.continuumcare.routes.employment.EmploymentReferralMapper;
import org.continuumcare.routes.housing.HousingReferralMapper;
import org.continuumcare.routes.probation.ProbationReferralMapper;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.ReferralParts;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Task status a partner's referral JSON carries is one of SDOHCC's Referral Task Status codes
 * (every task-status code except ready and received), in each partner's schema and in what the
 * mappers send.
 */
class PartnerReferralTaskStatusTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String schema(String partner) {
    return partner + "/" + partner + "-referral.schema.json";
  }

  private static Function<ReferralParts, Object> mapper(String partner) {
    return switch (partner) {
      case "housing" -> new HousingReferralMapper(CLOCK)::map;
      case "employment" -> new EmploymentReferralMapper(CLOCK)::map;
      default -> new ProbationReferralMapper(CLOCK)::map;
    };
  }

  private static ReferralParts referralWithTaskIn(TaskStatus status) {
    Task task = ReferralFixtures.task("task-1", "jordan-referral-housing");
    task.setStatus(status);
    return new ReferralParts(ReferralFixtures.housingReferral(), task, ReferralFixtures.jordan());
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void theSchemasTaskStatusEnumIsSdohccsReferralTaskStatus(String partner) throws Exception {
    JsonNode enumeration;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(schema(partner))) {
      enumeration = JSON.readTree(in).at("/properties/status/enum");
    }
    Set<String> listed = new HashSet<>();
    enumeration.forEach(code -> listed.add(code.asText()));

    Set<String> sdohcc =
        Arrays.stream(TaskStatus.values())
            .filter(s -> s != TaskStatus.NULL && s != TaskStatus.READY && s != TaskStatus.RECEIVED)
            .map(TaskStatus::toCode)
            .collect(Collectors.toSet());
    assertThat(listed).isEqualTo(sdohcc);
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void aTaskStoredAsReceivedIsSentAsRequestedAndConforms(String partner) {
    JsonNode sent =
        JSON.valueToTree(mapper(partner).apply(referralWithTaskIn(TaskStatus.RECEIVED)));

    assertThat(sent.get("status").asText()).isEqualTo("requested");
    assertThat(PartnerJsonSchema.fromClasspath(schema(partner)).violations(sent)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void everyReferralTaskStatusIsSentAsItIsAndConforms(String partner) {
    PartnerJsonSchema schema = PartnerJsonSchema.fromClasspath(schema(partner));
    for (TaskStatus status : TaskStatus.values()) {
      if (status == TaskStatus.NULL
          || status == TaskStatus.READY
          || status == TaskStatus.RECEIVED) {
        continue;
      }
      JsonNode sent = JSON.valueToTree(mapper(partner).apply(referralWithTaskIn(status)));

      assertThat(sent.get("status").asText()).isEqualTo(status.toCode());
      assertThat(schema.violations(sent)).as(status.toCode()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void theSchemasRefuseReceivedAsATaskStatus(String partner) {
    JsonNode sent =
        JSON.valueToTree(mapper(partner).apply(referralWithTaskIn(TaskStatus.REQUESTED)));
    ((ObjectNode) sent).put("status", "received");

    assertThat(PartnerJsonSchema.fromClasspath(schema(partner)).violations(sent))
        .anySatisfy(v -> assertThat(v).startsWith("/status"));
  }
}
