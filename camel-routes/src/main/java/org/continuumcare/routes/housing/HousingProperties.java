package org.continuumcare.routes.housing;

import java.time.ZoneId;
import org.continuumcare.routes.hmis.HmisImportSettings;
import org.continuumcare.routes.partnerjson.PartnerOutbound;
import org.continuumcare.terminology.ContinuumTerminology;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the housing partner ({@code continuum.housing.*}).
 *
 * @param enabled wire the housing partner's mappers and importer (default false)
 * @param partnerId the partner Organization id (e.g. {@code demo-housing})
 * @param hmisPersonalIdSystem identifier system under which referrals carry the partner's HMIS
 *     PersonalID
 * @param hmisRecordIdSystem identifier system of Observations made from HMIS records
 * @param hmisZone time zone of the partner's HMIS dates
 * @param hmisDropDir directory watched for HMIS exports (zip files; empty: not watched); imported
 *     files move to {@code .done/}, failed ones to {@code .failed/}, each with a report
 * @param hmisMaxUpload largest HMIS export accepted by the upload endpoint
 * @param outbound how referrals are sent to the partner's API
 */
@ConfigurationProperties("continuum.housing")
public record HousingProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("demo-housing") String partnerId,
    @DefaultValue(ContinuumTerminology.BASE + "/sid/hmis-personal-id/demo-housing")
        String hmisPersonalIdSystem,
    @DefaultValue(HmisImportSettings.DEFAULT_RECORD_ID_SYSTEM) String hmisRecordIdSystem,
    @DefaultValue("UTC") ZoneId hmisZone,
    @DefaultValue("") String hmisDropDir,
    @DefaultValue("200MB") DataSize hmisMaxUpload,
    @DefaultValue PartnerOutbound outbound) {

  public HmisImportSettings hmisImportSettings() {
    return new HmisImportSettings(hmisPersonalIdSystem, hmisRecordIdSystem, hmisZone, partnerId);
  }
}
