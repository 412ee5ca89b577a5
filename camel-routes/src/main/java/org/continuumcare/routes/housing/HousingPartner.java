package org.continuumcare.routes.housing;

import java.util.Optional;
import org.continuumcare.routes.hmis.HmisCsvImporter;
import org.continuumcare.routes.partner.HmisImport;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.partner.PartnerReport;
import org.continuumcare.routes.partner.StatusCallback;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.partnerjson.PartnerOutbound;

/**
 * The housing partner as the gateway sees it: referrals out as {@link HousingReferral}, status
 * callbacks in as {@link HousingStatusCallback}, HMIS CSV exports in by upload or drop directory.
 */
final class HousingPartner implements PartnerFormat {

  static final String STATUS_CALLBACK_SCHEMA = "housing/housing-status-callback.schema.json";
  static final String HMIS_DROP_ROUTE_ID = "housing-hmis-drop-inbound";

  private final HousingProperties properties;
  private final PartnerJsonAdapter.Format referrals;
  private final StatusCallback<HousingStatusCallback> callbacks;
  private final HmisImport hmis;

  HousingPartner(
      HousingProperties properties,
      HousingReferralMapper referrals,
      HousingStatusCallbackMapper callbackMapper,
      HmisCsvImporter importer) {
    this.properties = properties;
    this.referrals =
        new PartnerJsonAdapter.Format(
            HousingReferral.CONNECTION_TYPE,
            HousingReferral.ROUTE_ID,
            referrals::map,
            PartnerJsonSchema.fromClasspath(HousingReferral.SCHEMA));
    this.callbacks =
        new StatusCallback<>(
            "housing-status-callback",
            STATUS_CALLBACK_SCHEMA,
            HousingStatusCallback.class,
            HousingStatusCallback::referralId,
            (callback, task) -> PartnerReport.of(callbackMapper.map(callback)));
    this.hmis =
        new HmisImport(
            importer,
            properties.hmisPersonalIdSystem(),
            properties.hmisZone(),
            properties.hmisMaxUpload().toBytes(),
            "continuum.housing.hmis-max-upload",
            properties.hmisDropDir(),
            HMIS_DROP_ROUTE_ID);
  }

  @Override
  public String partnerId() {
    return properties.partnerId();
  }

  @Override
  public PartnerJsonAdapter.Format referrals() {
    return referrals;
  }

  @Override
  public PartnerOutbound outbound() {
    return properties.outbound();
  }

  @Override
  public Optional<StatusCallback<?>> statusCallback() {
    return Optional.of(callbacks);
  }

  @Override
  public Optional<HmisImport> hmisImport() {
    return Optional.of(hmis);
  }
}
