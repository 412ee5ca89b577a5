package org.continuumcare.routes.hmis;

import java.util.Objects;
import org.hl7.fhir.r4.model.Observation;

/**
 * An Observation with its conditional-create criterion ({@code identifier=system|value}), so a
 * re-import creates nothing new.
 */
public record HousingStatusObservation(Observation observation, String ifNoneExist) {

  public HousingStatusObservation {
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(ifNoneExist, "ifNoneExist");
  }
}
