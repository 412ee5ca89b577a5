package org.continuumcare.gateway.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects what one request disclosed and withheld, per patient, so the request ends with one
 * AuditEvent per patient and outcome instead of one per resource.
 */
final class DisclosureLog {

  private record Key(String patientId, boolean disclosed) {}

  private static final class Entry {
    final Set<String> resources = new LinkedHashSet<>();
    final Set<String> consents = new LinkedHashSet<>();
    final Set<String> reasons = new LinkedHashSet<>();
  }

  private final Map<Key, Entry> entries = new LinkedHashMap<>();

  synchronized void disclosed(String patientId, String resource, String consentId) {
    Entry entry = entries.computeIfAbsent(new Key(patientId, true), k -> new Entry());
    entry.resources.add(resource);
    if (consentId != null) {
      entry.consents.add(consentId);
    }
  }

  /**
   * A record disclosed without consent in a declared emergency; {@code note} says why and by whom.
   */
  synchronized void disclosedInEmergency(String patientId, String resource, String note) {
    Entry entry = entries.computeIfAbsent(new Key(patientId, true), k -> new Entry());
    entry.resources.add(resource);
    entry.reasons.add(note);
  }

  synchronized void withheld(String patientId, String resource, String reason) {
    Entry entry = entries.computeIfAbsent(new Key(patientId, false), k -> new Entry());
    entry.resources.add(resource);
    entry.reasons.add(Objects.requireNonNullElse(reason, "withheld"));
  }

  synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The disclosures, then clears the log (a request is audited once). */
  synchronized List<Disclosure> drain(
      String channel,
      String interaction,
      String clientId,
      String organizationId,
      String purpose,
      String requestId) {
    List<Disclosure> disclosures = new ArrayList<>();
    entries.forEach(
        (key, entry) ->
            disclosures.add(
                new Disclosure(
                    channel,
                    interaction,
                    clientId,
                    organizationId,
                    purpose,
                    key.patientId(),
                    key.disclosed(),
                    List.copyOf(entry.resources),
                    entry.consents,
                    entry.reasons,
                    requestId)));
    entries.clear();
    return disclosures;
  }
}
