package org.continuumcare.routes.employment;

import java.util.Optional;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.partner.PartnerReport;
import org.continuumcare.routes.partner.StatusCallback;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.partnerjson.PartnerOutbound;

/**
 * The employment partner as the gateway sees it: referrals out as {@link EmploymentReferral},
 * outcome webhooks in as {@link EmploymentOutcomeWebhook} (a Task update and, when the outcome says
 * something about current employment, an employment-status Observation).
 */
final class EmploymentPartner implements PartnerFormat {

  static final String OUTCOME_SCHEMA = "employment/employment-outcome.schema.json";

  private final EmploymentProperties properties;
  private final PartnerJsonAdapter.Format referrals;
  private final StatusCallback<EmploymentOutcomeWebhook> outcomes;

  EmploymentPartner(
      EmploymentProperties properties,
      EmploymentReferralMapper referrals,
      EmploymentOutcomeMapper outcomeMapper) {
    this.properties = properties;
    this.referrals =
        new PartnerJsonAdapter.Format(
            EmploymentReferral.CONNECTION_TYPE,
            EmploymentReferral.ROUTE_ID,
            referrals::map,
            PartnerJsonSchema.fromClasspath(EmploymentReferral.SCHEMA));
    this.outcomes =
        new StatusCallback<>(
            "employment-outcome-webhook",
            OUTCOME_SCHEMA,
            EmploymentOutcomeWebhook.class,
            EmploymentOutcomeWebhook::referralId,
            (webhook, task) -> {
              EmploymentOutcome outcome = outcomeMapper.map(webhook, task);
              return new PartnerReport(
                  outcome.taskUpdate(), outcome.observation(), outcome.ifNoneExist());
            });
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
    return Optional.of(outcomes);
  }
}
