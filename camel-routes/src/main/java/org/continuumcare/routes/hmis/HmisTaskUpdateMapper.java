package org.continuumcare.routes.hmis;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.ContinuumTerminology;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * HMIS facts -> referral Task updates, through the ConceptMap {@code
 * housing/hmis-outcome-to-referral-status.json}: project entry -> in-progress/enrolled, housing
 * move-in -> completed/placed-in-housing, exit to a destination whose HUD category is permanent ->
 * completed/placed-in-housing. Facts the map leaves unmatched give no update.
 */
public final class HmisTaskUpdateMapper {

  public static final String OUTCOME_MAP_RESOURCE = "housing/hmis-outcome-to-referral-status.json";
  static final String HMIS_EVENT = ContinuumTerminology.BASE + "/CodeSystem/hmis-event";
  static final String PROJECT_ENTRY = "project-entry";
  static final String HOUSING_MOVE_IN = "housing-move-in";
  static final String SOURCE = "hmis-import";

  private final PartnerCodeMap outcomes;
  private final ZoneId zone;

  public HmisTaskUpdateMapper(PartnerCodeMap outcomes, ZoneId zone) {
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  Optional<TaskStatusUpdate> forEvent(
      String event, LocalDate date, String partnerRef, ReferredPerson person) {
    return update(HMIS_EVENT, event, date, partnerRef, person);
  }

  Optional<TaskStatusUpdate> forDestinationCategory(
      String category, LocalDate date, String partnerRef, ReferredPerson person) {
    return update(
        ContinuumTerminology.HOUSING_SITUATION_CATEGORY, category, date, partnerRef, person);
  }

  private Optional<TaskStatusUpdate> update(
      String system, String code, LocalDate date, String partnerRef, ReferredPerson person) {
    Optional<TaskStatus> status =
        outcomes
            .translate(system, code, ContinuumTerminology.TASK_STATUS)
            .map(Translation::code)
            .map(TaskStatus::fromCode);
    Optional<String> business =
        outcomes
            .translate(system, code, ContinuumTerminology.REFERRAL_BUSINESS_STATUS)
            .map(Translation::code);
    if (status.isEmpty() && business.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TaskStatusUpdate(
            person.taskId(),
            partnerRef,
            status.orElse(null),
            business.orElse(null),
            date.atStartOfDay(zone).toInstant(),
            null,
            SOURCE));
  }
}
