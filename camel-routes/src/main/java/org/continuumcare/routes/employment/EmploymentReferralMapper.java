package org.continuumcare.routes.employment;

import java.time.Clock;
import java.util.Objects;
import org.continuumcare.routes.partnerjson.PartnerPerson;
import org.continuumcare.routes.referral.ReferralParts;

/**
 * Referral (ServiceRequest) + ReferralTask + Patient -> the employment partner's referral JSON.
 * Pure.
 */
public final class EmploymentReferralMapper {

  private final Clock clock;

  public EmploymentReferralMapper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public EmploymentReferral map(ReferralParts parts) {
    return new EmploymentReferral(
        EmploymentReferral.SCHEMA_VERSION,
        parts.taskStatus(),
        parts.taskId(),
        parts.referralId(),
        clock.instant().toString(),
        parts.authoredOn(),
        parts.requestedService(),
        parts.categoryCodes(),
        parts.priorityCode(),
        parts.requestedFrom(),
        PartnerPerson.of(parts.patient()),
        parts.requesterName(),
        parts.notes());
  }
}
