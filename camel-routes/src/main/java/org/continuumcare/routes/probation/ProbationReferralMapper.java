package org.continuumcare.routes.probation;

import java.time.Clock;
import java.util.Objects;
import org.continuumcare.routes.partnerjson.PartnerPerson;
import org.continuumcare.routes.referral.ReferralParts;

/**
 * Referral (ServiceRequest) + ReferralTask + Patient -> the probation service's referral JSON.
 * Pure.
 */
public final class ProbationReferralMapper {

  private final Clock clock;

  public ProbationReferralMapper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ProbationReferral map(ReferralParts parts) {
    return new ProbationReferral(
        ProbationReferral.SCHEMA_VERSION,
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
        parts.requesterName());
  }
}
