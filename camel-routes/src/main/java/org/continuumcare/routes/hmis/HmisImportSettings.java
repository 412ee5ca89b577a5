package org.continuumcare.routes.hmis;

import java.time.ZoneId;
import java.util.Objects;
import org.continuumcare.terminology.ContinuumTerminology;

/**
 * How to read one partner's HMIS export.
 *
 * @param personalIdSystem identifier system under which referrals carry the partner's HMIS
 *     PersonalID
 * @param recordIdSystem identifier system of the Observations made from HMIS records (deterministic
 *     ids)
 * @param zone time zone of the HMIS dates (Task update event times are the start of that day)
 * @param partnerId the partner Organization id (recorded as the source of Task updates)
 */
public record HmisImportSettings(
    String personalIdSystem, String recordIdSystem, ZoneId zone, String partnerId) {

  public static final String DEFAULT_RECORD_ID_SYSTEM =
      ContinuumTerminology.BASE + "/sid/hmis-record";

  public HmisImportSettings {
    Objects.requireNonNull(personalIdSystem, "personalIdSystem");
    Objects.requireNonNull(recordIdSystem, "recordIdSystem");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(partnerId, "partnerId");
  }
}
