package org.continuumcare.routes.partnerjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.continuumcare.routes.employment.EmploymentReferral;
import org.continuumcare.routes.employment.EmploymentReferralMapper;
import org.continuumcare.routes.housing.HousingReferral;
import org.continuumcare.routes.housing.HousingReferralMapper;
import org.continuumcare.routes.probation.ProbationReferral;
import org.continuumcare.routes.probation.ProbationReferralMapper;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.ReferralLookup;
import org.continuumcare.routes.referral.ReferralParts;
import org.continuumcare.routes.relay.FailureClassifier;
import org.continuumcare.routes.relay.OAuth2TokenProvider;
import org.continuumcare.routes.relay.RelayProperties;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 42 CFR § 2.32 on partner-JSON relays: the notice and the consent-scope statement that the consent
 * gate puts on a disclosed copy ({@code meta} extensions) travel in every partner's JSON as {@code
 * disclosure}, and every partner's schema accepts it.
 */
class PartnerJsonDisclosureTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final String NOTICE =
      "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";
  private static final String SCOPE =
      "Consent/c1: medications and referrals to Organization/demo-housing for COC";
  private final ObjectMapper json = new ObjectMapper();

  private static PartnerJsonAdapter adapter(String partner) {
    Function<ReferralParts, Object> mapper;
    String schema;
    switch (partner) {
      case "housing" -> {
        mapper = new HousingReferralMapper(CLOCK)::map;
        schema = HousingReferral.SCHEMA;
      }
      case "employment" -> {
        mapper = new EmploymentReferralMapper(CLOCK)::map;
        schema = EmploymentReferral.SCHEMA;
      }
      default -> {
        mapper = new ProbationReferralMapper(CLOCK)::map;
        schema = ProbationReferral.SCHEMA;
      }
    }
    HttpClient http = HttpClient.newHttpClient();
    ReferralLookup storeless =
        new ReferralLookup() {
          @Override
          public Optional<ReferralParts> forTask(Task task) {
            return Optional.empty();
          }

          @Override
          public List<ReferralParts> forReferral(ServiceRequest referral, String partnerId) {
            return List.of();
          }
        };
    return new PartnerJsonAdapter(
        new PartnerJsonAdapter.Format(
            "continuum-" + partner + "-json",
            partner,
            mapper,
            PartnerJsonSchema.fromClasspath(schema)),
        storeless,
        http,
        new RelayProperties(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null),
        new FailureClassifier(CLOCK),
        new OAuth2TokenProvider(http, Duration.ofSeconds(1), CLOCK),
        new PartnerOutbound("X-API-Key", ""));
  }

  private static ReferralParts referral() {
    return new ReferralParts(
        ReferralFixtures.housingReferral(),
        ReferralFixtures.task("task-1", "jordan-referral-housing"),
        ReferralFixtures.jordan());
  }

  private static <R extends Resource> R disclosed(R resource, String notice, String scope) {
    resource.getMeta().addExtension(DisclosureStatement.NOTICE_EXTENSION, new StringType(notice));
    if (scope != null) {
      resource
          .getMeta()
          .addExtension(DisclosureStatement.CONSENT_SCOPE_EXTENSION, new StringType(scope));
    }
    return resource;
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void theRelayedCopysNoticeAndConsentScopeTravelInThePartnerJson(String partner) throws Exception {
    PartnerJsonAdapter adapter = adapter(partner);
    Task relayed =
        disclosed(ReferralFixtures.task("task-1", "jordan-referral-housing"), NOTICE, SCOPE);

    JsonNode sent = json.readTree(adapter.body(referral(), DisclosureStatement.of(relayed)));

    assertThat(sent.get("disclosure").get("notice").asText()).isEqualTo(NOTICE);
    assertThat(sent.get("disclosure").get("consentScope").asText()).isEqualTo(SCOPE);
    assertThat(
            PartnerJsonSchema.fromClasspath(partner + "/" + partner + "-referral.schema.json")
                .violations(sent))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void aStoredReferralCarryingTheStatementsIsSentWithThem(String partner) throws Exception {
    ReferralParts parts =
        new ReferralParts(
            disclosed(ReferralFixtures.housingReferral(), NOTICE, null),
            ReferralFixtures.task("task-1", "jordan-referral-housing"),
            ReferralFixtures.jordan());

    JsonNode sent = json.readTree(adapter(partner).body(parts));

    assertThat(sent.get("disclosure").get("notice").asText()).isEqualTo(NOTICE);
    assertThat(sent.get("disclosure").has("consentScope")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void aRecordThatWasNotDisclosedUnderPart2CarriesNoDisclosureObject(String partner)
      throws Exception {
    JsonNode sent = json.readTree(adapter(partner).body(referral(), Optional.empty()));

    assertThat(sent.has("disclosure")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"housing", "employment", "probation"})
  void theSchemasRefuseADisclosureWithoutItsNotice(String partner) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode sent =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(adapter(partner).body(referral()));
    sent.putObject("disclosure").put("consentScope", SCOPE).put("diagnosis", "F11.20");

    assertThat(
            PartnerJsonSchema.fromClasspath(partner + "/" + partner + "-referral.schema.json")
                .violations(sent))
        .anySatisfy(v -> assertThat(v).startsWith("/disclosure/notice"))
        .anySatisfy(v -> assertThat(v).startsWith("/disclosure/diagnosis"));
  }
}
