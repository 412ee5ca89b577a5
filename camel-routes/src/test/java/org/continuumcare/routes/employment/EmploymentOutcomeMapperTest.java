package org.continuumcare.routes.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmploymentOutcomeMapperTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private final EmploymentOutcomeMapper mapper =
      new EmploymentOutcomeMapper(
          PartnerCodeMap.fromClasspath(EmploymentOutcomeMapper.STATUS_MAP_RESOURCE),
          ConceptMapTranslator.shared(),
          CodeSystemLookup.shared(),
          CLOCK,
          "demo-employment");
  private final Task task = ReferralFixtures.task("task-e1", "jordan-referral-employment");

  private static EmploymentOutcomeWebhook webhook(String outcome, String startDate) {
    return new EmploymentOutcomeWebhook(
        "task-e1", "JOBS-9", outcome, "2026-11-20T16:30:00Z", startDate, null);
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}, LOINC answer {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "enrolled, in-progress, enrolled, LA17956-6, -",
        "training-completed, -, training-completed, -, -",
        "job-placement, completed, job-started, -, 2026-12-07",
        "job-placement-full-time, completed, job-started, LA30136-8, 2026-12-07",
        "job-placement-part-time, completed, job-started, LA30138-4, 2026-12-07",
        "job-lost, -, job-lost, LA17956-6, -"
      })
  void everyOutcomeGivesItsTaskUpdateAndEmploymentStatusAnswer(
      String outcome, String status, String business, String loincAnswer, String startDate) {
    EmploymentOutcome result = mapper.map(webhook(outcome, startDate), task);

    TaskStatusUpdate update = result.taskUpdate();
    assertThat(update.status()).isEqualTo(status == null ? null : TaskStatus.fromCode(status));
    assertThat(update.businessStatus()).isEqualTo(business);
    assertThat(update.eventTime()).isEqualTo(Instant.parse("2026-11-20T16:30:00Z"));
    assertThat(
            result
                .employmentStatus()
                .map(o -> o.getValueCodeableConcept().getCodingFirstRep().getCode())
                .orElse(null))
        .isEqualTo(loincAnswer);
  }

  @Test
  void aJobPlacementObservationIsEffectiveFromTheStartDateAndIdentifiedDeterministically() {
    EmploymentOutcome result = mapper.map(webhook("job-placement-full-time", "2026-12-07"), task);

    Observation o = result.employmentStatus().orElseThrow();
    assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo(ContinuumTerminology.LOINC);
    assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("67875-5");
    assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-12-07");
    assertThat(o.getSubject().getReference()).isEqualTo("Patient/jordan-reyes");
    assertThat(o.getBasedOnFirstRep().getReference())
        .isEqualTo("ServiceRequest/jordan-referral-employment");
    assertThat(o.getValueCodeableConcept().getCoding())
        .extracting(c -> c.getSystem() + "#" + c.getCode())
        .containsExactly(
            ContinuumTerminology.LOINC + "#LA30136-8",
            ContinuumTerminology.EMPLOYMENT_OUTCOME + "#job-placement-full-time");
    assertThat(result.ifNoneExist())
        .isEqualTo(
            "identifier="
                + EmploymentOutcomeMapper.OUTCOME_ID_SYSTEM
                + "|demo-employment/task-e1/job-placement-full-time/2026-11-20T16:30:00Z");
    EmploymentOutcome replay = mapper.map(webhook("job-placement-full-time", "2026-12-07"), task);
    assertThat(replay.employmentStatus().orElseThrow().equalsDeep(o)).isTrue();
  }

  @Test
  void aJobPlacementWithoutStartDateIsABadRequest() {
    assertThatThrownBy(() -> mapper.map(webhook("job-placement-part-time", null), task))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("startDate is required for outcome job-placement-part-time");
  }

  @Test
  void anUnknownOutcomeIsABadRequest() {
    assertThatThrownBy(() -> mapper.map(webhook("promoted", null), task))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Unknown employment outcome 'promoted'");
  }

  @Test
  void aWebhookNamingAnotherTaskIsABadRequest() {
    assertThatThrownBy(
            () ->
                mapper.map(
                    new EmploymentOutcomeWebhook(
                        "task-x", null, "enrolled", "2026-11-20T16:30:00Z", null, null),
                    task))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("does not name Task/task-e1");
  }

  @Test
  void aMalformedStartDateIsABadRequest() {
    assertThatThrownBy(() -> mapper.map(webhook("job-placement-full-time", "07/12/2026"), task))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("startDate '07/12/2026' is not a date (yyyy-MM-dd)");
  }

  @Test
  void theOutcomeSchemaListsEveryEmploymentOutcomeCode() throws Exception {
    var codes =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                getClass()
                    .getClassLoader()
                    .getResourceAsStream("employment/employment-outcome.schema.json"))
            .get("properties")
            .get("outcome")
            .get("enum");
    codes.forEach(
        c ->
            assertThat(
                    CodeSystemLookup.shared()
                        .contains(ContinuumTerminology.EMPLOYMENT_OUTCOME, c.asText()))
                .as(c.asText())
                .isTrue());
    assertThat(codes).hasSize(6);
  }
}
