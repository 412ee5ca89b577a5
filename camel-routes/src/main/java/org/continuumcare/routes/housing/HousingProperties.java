package org.continuumcare.routes.housing;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the housing partner ({@code continuum.housing.*}).
 *
 * @param enabled               wire the housing partner's mappers and importer (default false)
 * @param partnerId             the partner Organization id (e.g. {@code demo-housing})
 * @param hmisPersonalIdSystem  identifier system under which referrals carry the partner's HMIS PersonalID
 * @param hmisRecordIdSystem    identifier system of Observations made from HMIS records
 * @param hmisZone              time zone of the partner's HMIS dates
 */
@ConfigurationProperties("continuum.housing")
public record HousingProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("demo-housing") String partnerId,
        @DefaultValue("https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing") String hmisPersonalIdSystem,
        @DefaultValue(HmisImportSettings.DEFAULT_RECORD_ID_SYSTEM) String hmisRecordIdSystem,
        @DefaultValue("UTC") ZoneId hmisZone) {

    HmisImportSettings hmisImportSettings() {
        return new HmisImportSettings(hmisPersonalIdSystem, hmisRecordIdSystem, hmisZone, partnerId);
    }
}
