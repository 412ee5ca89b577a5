package org.continuumcare.gateway.consent;

import java.util.IdentityHashMap;
import java.util.Map;
import org.continuumcare.gateway.consent.DisclosurePolicy.Ruling;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The rulings of one request's latest resources, by identity, so the resource a page's access check
 * ruled on is not ruled on again when it is shown. At most {@code capacity} are kept: a view run,
 * an export or a measure's evaluation judges every resource of the population in one request, and
 * remembering each would keep the whole population in memory. When full it starts again; a ruling
 * forgotten that way is only decided again (the patient's consents stay known to the policy), and
 * what was logged for it stays logged once.
 */
final class RecentRulings {

  private final int capacity;
  private final Map<IBaseResource, Ruling> rulings = new IdentityHashMap<>();

  RecentRulings(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** The ruling remembered for this very resource object, or null. */
  Ruling get(IBaseResource resource) {
    return rulings.get(resource);
  }

  void put(IBaseResource resource, Ruling ruling) {
    if (rulings.size() >= capacity) {
      rulings.clear();
    }
    rulings.put(resource, ruling);
  }

  int size() {
    return rulings.size();
  }
}
