package org.continuumcare.routes.housing;

import java.time.Clock;
import java.util.Objects;
import org.continuumcare.routes.partnerjson.PartnerPerson;
import org.continuumcare.routes.referral.ReferralParts;

/**
 * Referral (ServiceRequest) + ReferralTask + Patient -> the housing partner's referral JSON. Pure.
 */
public final class HousingReferralMapper {

  private final Clock clock;

  public HousingReferralMapper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public HousingReferral map(ReferralParts parts) {
    return new HousingReferral(
        HousingReferral.SCHEMA_VERSION,
        parts.taskStatus(),
        parts.taskId(),
        parts.referralId(),
        clock.instant().toString(),
        parts.authoredOn(),
        parts.requestedService(),
        parts.categoryCodes(),
        parts.priorityCode(),
        parts.requestedFrom(),
        parts.requestedUntil(),
        PartnerPerson.of(parts.patient()),
        parts.requesterName(),
        parts.notes());
  }
}
