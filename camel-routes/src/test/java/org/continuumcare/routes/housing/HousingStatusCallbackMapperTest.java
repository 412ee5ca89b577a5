package org.continuumcare.routes.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HousingStatusCallbackMapperTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final PartnerCodeMap MAP =
      PartnerCodeMap.fromClasspath(HousingStatusCallbackMapper.STATUS_MAP_RESOURCE);
  private final HousingStatusCallbackMapper mapper = new HousingStatusCallbackMapper(MAP, CLOCK);

  private static HousingStatusCallback callback(String status, String business, String eventTime) {
    return new HousingStatusCallback(
        "task-h1", "ODH-77", status, business, eventTime, "Intake Monday 10:00");
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "RECEIVED, -, received",
        "ACCEPTED, accepted, accepted",
        "WAITLISTED, accepted, waitlisted",
        "DECLINED, rejected, declined",
        "INTAKE_SCHEDULED, in-progress, scheduled",
        "INTAKE_ATTENDED, in-progress, attended",
        "INTAKE_MISSED, on-hold, unattended",
        "HOUSED, completed, placed-in-housing",
        "CLIENT_DECLINED, failed, declined",
        "CLOSED_NO_CONTACT, failed, -",
        "WITHDRAWN, cancelled, withdrawn"
      })
  void everyPartnerStatusTranslatesThroughTheConceptMap(
      String partner, String status, String business) {
    TaskStatusUpdate update = mapper.map(callback(partner, null, "2026-11-24T09:00:00+01:00"));

    assertThat(update.status()).isEqualTo(TaskStatus.fromCode(status));
    assertThat(update.businessStatus()).isEqualTo(business);
    assertThat(update.eventTime()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(update.taskId()).isEqualTo("task-h1");
    assertThat(update.partnerRef()).isEqualTo("ODH-77");
    assertThat(update.note()).isEqualTo("Intake Monday 10:00");
  }

  @Test
  void everyBusinessStatusTheMapUsesIsAReferralBusinessStatusCode() throws Exception {
    var map =
        new ObjectMapper()
            .readTree(
                getClass()
                    .getClassLoader()
                    .getResourceAsStream(HousingStatusCallbackMapper.STATUS_MAP_RESOURCE));
    CodeSystemLookup lookup = CodeSystemLookup.shared();
    map.get("group")
        .get(1)
        .get("element")
        .forEach(
            e ->
                e.get("target")
                    .forEach(
                        t -> {
                          if (t.has("code")) {
                            assertThat(
                                    lookup.contains(
                                        ContinuumTerminology.REFERRAL_BUSINESS_STATUS,
                                        t.get("code").asText()))
                                .as(t.get("code").asText())
                                .isTrue();
                          }
                        }));
  }

  @Test
  void theSchemaListsExactlyThePartnerCodesTheMapKnows() throws Exception {
    var codes =
        new ObjectMapper()
            .readTree(
                getClass()
                    .getClassLoader()
                    .getResourceAsStream("housing/housing-status-callback.schema.json"))
            .get("properties")
            .get("status")
            .get("enum");
    codes.forEach(
        c ->
            assertThat(MAP.lists(HousingStatusCallbackMapper.HOUSING_PARTNER_STATUS, c.asText()))
                .as(c.asText())
                .isTrue());
    assertThat(codes).hasSize(11);
  }

  @Test
  void anExplicitBusinessStatusOverridesTheOneTheStatusImplies() {
    assertThat(
            mapper.map(callback("ACCEPTED", "waitlisted", "2026-11-24T09:00:00Z")).businessStatus())
        .isEqualTo("waitlisted");
  }

  @Test
  void anUnknownPartnerStatusIsABadRequest() {
    assertThatThrownBy(() -> mapper.map(callback("MOVED_TO_MARS", null, "2026-11-24T09:00:00Z")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Unknown housing partner status 'MOVED_TO_MARS'");
  }

  @Test
  void aMissingReferralIdIsABadRequest() {
    assertThatThrownBy(
            () ->
                mapper.map(
                    new HousingStatusCallback(
                        " ", null, "HOUSED", null, "2026-11-24T09:00:00Z", null)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("referralId is required");
  }

  @Test
  void anEventTimeWithoutOffsetIsABadRequest() {
    assertThatThrownBy(() -> mapper.map(callback("HOUSED", null, "2026-11-24 09:00")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is not an ISO-8601 date-time with offset");
  }

  @Test
  void anEventTimeInTheFutureIsABadRequest() {
    assertThatThrownBy(() -> mapper.map(callback("HOUSED", null, "2026-11-24T10:06:00Z")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is in the future");
  }

  @Test
  void aPartnerClockAFewMinutesAheadIsTolerated() {
    assertThat(mapper.map(callback("HOUSED", null, "2026-11-24T10:04:00Z")).eventTime())
        .isEqualTo(Instant.parse("2026-11-24T10:04:00Z"));
  }
}
