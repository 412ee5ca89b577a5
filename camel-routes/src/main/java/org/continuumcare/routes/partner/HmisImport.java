package org.continuumcare.routes.partner;

import java.time.ZoneId;
import java.util.Objects;
import org.continuumcare.routes.hmis.HmisCsvImporter;

/**
 * A partner's HMIS CSV exports, as its package configures them.
 *
 * @param importer the importer with the partner's settings
 * @param personalIdSystem identifier system under which referrals carry the partner's HMIS
 *     PersonalID
 * @param zone time zone of the partner's HMIS dates
 * @param maxUploadBytes largest export the upload endpoint takes
 * @param maxUploadSetting the setting that bounds uploads (named when one is too large)
 * @param dropDir directory watched for exports (empty: none)
 * @param dropRouteId id of the route watching it
 */
public record HmisImport(
    HmisCsvImporter importer,
    String personalIdSystem,
    ZoneId zone,
    long maxUploadBytes,
    String maxUploadSetting,
    String dropDir,
    String dropRouteId) {

  public HmisImport {
    Objects.requireNonNull(importer, "importer");
    Objects.requireNonNull(personalIdSystem, "personalIdSystem");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(maxUploadSetting, "maxUploadSetting");
    Objects.requireNonNull(dropRouteId, "dropRouteId");
    dropDir = dropDir == null ? "" : dropDir;
  }

  public boolean watchesDropDir() {
    return !dropDir.isBlank();
  }
}
