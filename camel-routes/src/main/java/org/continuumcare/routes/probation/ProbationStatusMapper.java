package org.continuumcare.routes.probation;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.partnerjson.PartnerEventTime;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The probation service's supervision status -> {@link TaskStatusUpdate}. The status code
 * (CodeSystem {@code supervision-status}) is translated through the terminology package's
 * ConceptMap {@code supervision-status-to-referral-status} into Task.status and
 * Task.businessStatus. Bad input is an {@link InvalidRequestException}; whether the update may be
 * applied is the referral policy's decision.
 */
public final class ProbationStatusMapper {

  public static final String SUPERVISION_STATUS =
      ContinuumTerminology.CODE_SYSTEM_BASE + "supervision-status";
  public static final String STATUS_MAP =
      ContinuumTerminology.CONCEPT_MAP_BASE + "supervision-status-to-referral-status";
  static final String SOURCE = "probation-status";

  private final ConceptMapTranslator translator;
  private final Clock clock;

  public ProbationStatusMapper(ConceptMapTranslator translator, Clock clock) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public TaskStatusUpdate map(ProbationStatus message) {
    if (message == null) {
      throw new InvalidRequestException("empty supervision status");
    }
    if (message.referralId() == null || message.referralId().isBlank()) {
      throw new InvalidRequestException("referralId is required");
    }
    if (message.status() == null
        || !translator.lists(STATUS_MAP, SUPERVISION_STATUS, message.status())) {
      throw new InvalidRequestException(
          "Unknown supervision status '"
              + message.status()
              + "' (CodeSystem "
              + SUPERVISION_STATUS
              + ")");
    }
    Instant eventTime = PartnerEventTime.parse("eventTime", message.eventTime(), clock);
    Optional<TaskStatus> status =
        translator
            .translate(
                STATUS_MAP, SUPERVISION_STATUS, message.status(), ContinuumTerminology.TASK_STATUS)
            .map(Translation::code)
            .map(TaskStatus::fromCode);
    String business =
        translator
            .translate(
                STATUS_MAP,
                SUPERVISION_STATUS,
                message.status(),
                ContinuumTerminology.REFERRAL_BUSINESS_STATUS)
            .map(Translation::code)
            .orElse(null);
    if (status.isEmpty() && business == null) {
      throw new InvalidRequestException(
          "supervision status '" + message.status() + "' changes nothing");
    }
    return new TaskStatusUpdate(
        message.referralId(),
        message.partnerCaseId(),
        status.orElse(null),
        business,
        eventTime,
        message.note(),
        SOURCE);
  }
}
