package org.continuumcare.routes.probation;

import java.util.Optional;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.partner.PartnerReport;
import org.continuumcare.routes.partner.StatusCallback;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.partnerjson.PartnerOutbound;

/**
 * The probation / parole service as the gateway sees it: referrals (the release notice among them)
 * out as {@link ProbationReferral}, supervision status in as {@link ProbationStatus}.
 */
final class ProbationPartner implements PartnerFormat {

  static final String STATUS_SCHEMA = "probation/probation-status.schema.json";

  private final ProbationProperties properties;
  private final PartnerJsonAdapter.Format referrals;
  private final StatusCallback<ProbationStatus> status;

  ProbationPartner(
      ProbationProperties properties,
      ProbationReferralMapper referralMapper,
      ProbationStatusMapper statusMapper) {
    this.properties = properties;
    this.referrals =
        new PartnerJsonAdapter.Format(
            ProbationReferral.CONNECTION_TYPE,
            ProbationReferral.ROUTE_ID,
            referralMapper::map,
            PartnerJsonSchema.fromClasspath(ProbationReferral.SCHEMA));
    this.status =
        new StatusCallback<>(
            "probation-supervision-status",
            STATUS_SCHEMA,
            ProbationStatus.class,
            ProbationStatus::referralId,
            (message, task) -> PartnerReport.of(statusMapper.map(message)));
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
    return Optional.of(status);
  }
}
