package org.continuumcare.routes.hmis;

import org.continuumcare.routes.referral.TaskStatusUpdate;

/**
 * Receives what the import produces, as it streams (the gateway stores them; tests collect them).
 */
public interface HmisImportSink {

  /**
   * A housing-status Observation to create if none with {@code ifNoneExist} exists (conditional
   * create).
   */
  void observation(HousingStatusObservation observation);

  /**
   * A Task update derived from the export (checked by the StatusUpdatePolicy before it is applied).
   */
  void taskUpdate(TaskStatusUpdate update);
}
