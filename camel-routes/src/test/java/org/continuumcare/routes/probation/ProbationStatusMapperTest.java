package org.continuumcare.routes.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbationStatusMapperTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-10T10:00:00Z"), ZoneOffset.UTC);
  private final ProbationStatusMapper mapper =
      new ProbationStatusMapper(ConceptMapTranslator.shared(), CLOCK);

  private static ProbationStatus status(String code) {
    return new ProbationStatus("task-p1", "PAROLE-77", code, "2026-12-09T15:30:00-05:00", null);
  }

  @ParameterizedTest
  @CsvSource({
    "reporting, accepted,    attended",
    "compliant, in-progress, supervision-compliant",
    "breach,    on-hold,     supervision-breach",
    "ended,     completed,   fulfilment-completed"
  })
  void eachSupervisionStatusIsTranslatedThroughTheConceptMap(
      String code, String taskStatus, String business) {
    TaskStatusUpdate update = mapper.map(status(code));

    assertThat(update.status()).isEqualTo(TaskStatus.fromCode(taskStatus));
    assertThat(update.businessStatus()).isEqualTo(business);
    assertThat(update.taskId()).isEqualTo("task-p1");
    assertThat(update.partnerRef()).isEqualTo("PAROLE-77");
    assertThat(update.eventTime()).isEqualTo(Instant.parse("2026-12-09T20:30:00Z"));
    assertThat(update.source()).isEqualTo("probation-status");
  }

  @Test
  void aCodeTheConceptMapDoesNotListIsRefused() {
    assertThatThrownBy(() -> mapper.map(status("absconded")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Unknown supervision status 'absconded'");
  }

  @Test
  void aMessageWithoutReferralIdIsRefused() {
    assertThatThrownBy(
            () ->
                mapper.map(
                    new ProbationStatus(" ", null, "compliant", "2026-12-09T15:30:00Z", null)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("referralId");
  }
}
