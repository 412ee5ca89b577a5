package org.continuumcare.routes.employment;

import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.hl7.fhir.r4.model.Observation;

/**
 * What one outcome webhook means: a Task update, and an employment-status Observation (LOINC
 * 67875-5) when the outcome says something about current employment.
 *
 * @param taskUpdate the Task update (checked by the StatusUpdatePolicy before it is applied)
 * @param observation the Observation, or null
 * @param ifNoneExist conditional-create criterion of the Observation ({@code
 *     identifier=system|value}), or null
 */
public record EmploymentOutcome(
    TaskStatusUpdate taskUpdate, Observation observation, String ifNoneExist) {

  public EmploymentOutcome {
    Objects.requireNonNull(taskUpdate, "taskUpdate");
    if ((observation == null) != (ifNoneExist == null)) {
      throw new IllegalArgumentException(
          "an Observation comes with its conditional-create criterion");
    }
  }

  public Optional<Observation> employmentStatus() {
    return Optional.ofNullable(observation);
  }
}
