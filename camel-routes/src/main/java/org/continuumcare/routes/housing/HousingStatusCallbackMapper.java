package org.continuumcare.routes.housing;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.partnerjson.PartnerEventTime;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.ContinuumTerminology;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The housing partner's status callback -> {@link TaskStatusUpdate}. The partner's status code is
 * translated through the ConceptMap {@code housing/housing-partner-status-to-referral-status.json}
 * (the partner's code list is not in the terminology package) into Task.status and
 * Task.businessStatus. Bad input is an {@link InvalidRequestException} (400 OperationOutcome).
 * Whether the update may be applied is the StatusUpdatePolicy's decision, not this mapper's.
 */
public final class HousingStatusCallbackMapper {

  public static final String STATUS_MAP_RESOURCE =
      "housing/housing-partner-status-to-referral-status.json";
  public static final String HOUSING_PARTNER_STATUS =
      ContinuumTerminology.BASE + "/CodeSystem/housing-partner-status";
  static final String SOURCE = "housing-callback";

  private final PartnerCodeMap statusMap;
  private final Clock clock;

  public HousingStatusCallbackMapper(PartnerCodeMap statusMap, Clock clock) {
    this.statusMap = Objects.requireNonNull(statusMap, "statusMap");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public TaskStatusUpdate map(HousingStatusCallback callback) {
    if (callback == null) {
      throw new InvalidRequestException("empty status callback");
    }
    if (callback.referralId() == null || callback.referralId().isBlank()) {
      throw new InvalidRequestException("referralId is required");
    }
    if (callback.status() == null || callback.status().isBlank()) {
      throw new InvalidRequestException("status is required");
    }
    if (!statusMap.lists(HOUSING_PARTNER_STATUS, callback.status())) {
      throw new InvalidRequestException(
          "Unknown housing partner status '"
              + callback.status()
              + "' (CodeSystem "
              + HOUSING_PARTNER_STATUS
              + ")");
    }
    Instant eventTime = PartnerEventTime.parse("eventTime", callback.eventTime(), clock);
    Optional<TaskStatus> status =
        statusMap
            .translate(HOUSING_PARTNER_STATUS, callback.status(), ContinuumTerminology.TASK_STATUS)
            .map(Translation::code)
            .map(TaskStatus::fromCode);
    String business =
        callback.businessStatus() != null && !callback.businessStatus().isBlank()
            ? callback.businessStatus()
            : statusMap
                .translate(
                    HOUSING_PARTNER_STATUS,
                    callback.status(),
                    ContinuumTerminology.REFERRAL_BUSINESS_STATUS)
                .map(Translation::code)
                .orElse(null);
    if (status.isEmpty() && business == null) {
      throw new InvalidRequestException(
          "housing partner status '"
              + callback.status()
              + "' changes nothing without a businessStatus");
    }
    return new TaskStatusUpdate(
        callback.referralId(),
        callback.partnerReferralId(),
        status.orElse(null),
        business,
        eventTime,
        callback.note(),
        SOURCE);
  }
}
