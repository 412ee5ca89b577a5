package org.continuumcare.routes.partner;

import java.util.Objects;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.hl7.fhir.r4.model.Observation;

/**
 * What one partner message means for a stored referral: a Task update (checked by the referral
 * policy before it is applied) and, optionally, an Observation recorded with it.
 *
 * @param update the Task update
 * @param observation the Observation, or null
 * @param ifNoneExist conditional-create criterion of the Observation, or null
 */
public record PartnerReport(TaskStatusUpdate update, Observation observation, String ifNoneExist) {

  public PartnerReport {
    Objects.requireNonNull(update, "update");
    if ((observation == null) != (ifNoneExist == null)) {
      throw new IllegalArgumentException(
          "an Observation comes with its conditional-create criterion");
    }
  }

  /** A Task update alone. */
  public static PartnerReport of(TaskStatusUpdate update) {
    return new PartnerReport(update, null, null);
  }
}
