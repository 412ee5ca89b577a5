package org.continuumcare.routes.housing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The people referred to a housing partner, by the identifiers their referrals carried (system + value, e.g.
 * the partner's HMIS PersonalID). HMIS rows are matched only through this index: a row that matches nobody
 * is never turned into a person.
 */
public final class ReferredPersonIndex {

    private final Map<String, ReferredPerson> byIdentifier;

    private ReferredPersonIndex(Map<String, ReferredPerson> byIdentifier) {
        this.byIdentifier = Map.copyOf(byIdentifier);
    }

    public static Builder builder() {
        return new Builder();
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
                throw new IllegalArgumentException("identifier " + system + "|" + value
                        + " is already indexed for another referral");
            }
            return this;
        }

        public ReferredPersonIndex build() {
            return new ReferredPersonIndex(entries);
        }
    }
}
