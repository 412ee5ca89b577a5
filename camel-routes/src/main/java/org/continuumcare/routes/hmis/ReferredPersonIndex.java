package org.continuumcare.routes.hmis;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.routes.referral.ReferralParts;
import org.hl7.fhir.r4.model.Identifier;

/**
 * The people referred to a housing partner, by the identifiers their referrals carried (system +
 * value, e.g. the partner's HMIS PersonalID). HMIS rows are matched only through this index: a row
 * that matches nobody is never turned into a person.
 */
public final class ReferredPersonIndex {

  private final Map<String, ReferredPerson> byIdentifier;

  private ReferredPersonIndex(Map<String, ReferredPerson> byIdentifier) {
    this.byIdentifier = Map.copyOf(byIdentifier);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The index of open housing referrals: each referred Patient's identifiers in {@code systems}
   * (e.g. the partner's HMIS PersonalID system) point at that referral; the referral date is
   * ServiceRequest.authoredOn in {@code zone}. Patients without such an identifier cannot be
   * matched and are left out. When several referrals carry the same identifier (a person referred
   * again), the first in {@code referrals} wins: pass the newest first.
   */
  public static ReferredPersonIndex fromReferrals(
      Collection<ReferralParts> referrals, Set<String> systems, ZoneId zone) {
    Builder b = builder();
    for (ReferralParts parts : referrals) {
      ReferredPerson person =
          new ReferredPerson(
              parts.patient().getIdElement().getIdPart(),
              parts.referralId(),
              parts.taskId(),
              parts.referral().hasAuthoredOn()
                  ? parts.referral().getAuthoredOn().toInstant().atZone(zone).toLocalDate()
                  : null);
      for (Identifier id : parts.patient().getIdentifier()) {
        if (id.hasSystem() && id.hasValue() && systems.contains(id.getSystem())) {
          b.entries.putIfAbsent(key(id.getSystem(), id.getValue()), person);
        }
      }
    }
    return b.build();
  }

  public Optional<ReferredPerson> find(String system, String value) {
    if (system == null || value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byIdentifier.get(key(system, value)));
  }

  public int size() {
    return byIdentifier.size();
  }

  private static String key(String system, String value) {
    return system + "|" + value;
  }

  /** Collects identifier -> person entries. */
  public static final class Builder {
    private final Map<String, ReferredPerson> entries = new HashMap<>();

    public Builder add(String system, String value, ReferredPerson person) {
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(person, "person");
      ReferredPerson previous = entries.putIfAbsent(key(system, value), person);
      if (previous != null && !previous.equals(person)) {
        throw new IllegalArgumentException(
            "identifier " + system + "|" + value + " is already indexed for another referral");
      }
      return this;
    }

    public ReferredPersonIndex build() {
      return new ReferredPersonIndex(entries);
    }
  }
}
