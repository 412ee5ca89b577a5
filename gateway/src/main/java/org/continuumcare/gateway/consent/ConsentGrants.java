package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.continuumcare.gateway.consent.ConsentEvaluator.Grant;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What the gateway knows of every stored Consent, in memory: its version, its patient (for SUD
 * consents) and its {@link Grant}, so that the patients whose consents could permit a disclosure to
 * a recipient for a purpose are known without reading a Consent; and the latest {@link #PARSED}
 * Consents read, by version, so that a page of records does not read its patients' consents again.
 * Brought up to date before each use: one query over the Consent rows of the store (how many, the
 * sum of their versions, the highest row id and the latest update) tells whether any Consent was
 * created, updated or deleted since; only then are the ids and versions listed and the changed
 * Consents read. Every node of a cluster checks the store itself, so none serves a stale set.
 */
final class ConsentGrants implements ConsentLookup {

  /** How many Consents one read asks for. */
  static final int BATCH = 500;

  /** How many parsed Consents are kept (the least recently used go first). */
  static final int PARSED = 10_000;

  private static final String STAMP =
      "SELECT count(*), coalesce(sum(res_ver), 0), coalesce(max(res_id), 0), max(res_updated)"
          + " FROM hfj_resource WHERE res_type = 'Consent' AND res_deleted_at IS NULL";
  private static final String VERSIONS =
      "SELECT fhir_id, res_ver FROM hfj_resource"
          + " WHERE res_type = 'Consent' AND res_deleted_at IS NULL";

  private record Stamp(long count, long versions, long highestRow, Object latest) {}

  /** Who asked {@link #patientsPermitting}, and what it was told, until when. */
  private record Asked(Recipient recipient, String purpose) {}

  private record Permitting(Stamp stamp, Instant until, Set<String> patients) {}

  /** How many recipients and purposes the answers are kept for. */
  private static final int ASKED = 256;

  /** A stored Consent: its version, its patient when it is a SUD consent, its grant. */
  private record Known(long version, String part2Patient, Optional<Grant> grant) {}

  private final DaoRegistry daos;
  private final JdbcTemplate jdbc;
  private final ConsentEvaluator evaluator;
  private final Map<String, Known> byConsent = new HashMap<>();
  private final Map<String, Set<String>> part2ByPatient = new HashMap<>();
  private final Map<String, Consent> parsed =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Consent> eldest) {
          return size() > PARSED;
        }
      };
  private final Map<Asked, Permitting> permitting = new HashMap<>();
  private final Clock clock;
  private Stamp stamp;

  ConsentGrants(DaoRegistry daos, JdbcTemplate jdbc, ConsentEvaluator evaluator, Clock clock) {
    this.daos = daos;
    this.jdbc = jdbc;
    this.evaluator = evaluator;
    this.clock = clock;
  }

  /**
   * The ids of the patients with at least one consent that could permit a disclosure to {@code
   * recipient} for {@code purpose} now ({@link ConsentEvaluator#mayPermit}): a superset of the
   * patients any of whose SUD records the recipient may see under a consent.
   */
  synchronized Set<String> patientsPermitting(Recipient recipient, String purpose) {
    refresh();
    Instant now = clock.instant();
    Permitting known = permitting.get(new Asked(recipient, purpose));
    if (known != null && known.stamp().equals(stamp) && now.isBefore(known.until())) {
      return known.patients();
    }
    Predicate<Grant> permits = evaluator.mayPermit(recipient, purpose);
    Set<String> patients = new HashSet<>();
    Instant until = Instant.MAX;
    for (Known consent : byConsent.values()) {
      if (consent.grant().isEmpty()) {
        continue;
      }
      Grant grant = consent.grant().get();
      if (permits.test(grant)) {
        patients.add(grant.patientId());
      }
      // The answer holds until a grant's period starts or ends.
      if (grant.start() != null && now.isBefore(grant.start()) && grant.start().isBefore(until)) {
        until = grant.start();
      }
      if (now.isBefore(grant.endExclusive()) && grant.endExclusive().isBefore(until)) {
        until = grant.endExclusive();
      }
    }
    Set<String> answer = Set.copyOf(patients);
    if (permitting.size() >= ASKED) {
      permitting.clear();
    }
    permitting.put(new Asked(recipient, purpose), new Permitting(stamp, until, answer));
    return answer;
  }

  @Override
  public synchronized Map<String, List<Consent>> consentsOf(Collection<String> patientIds) {
    refresh();
    Map<String, List<Consent>> byPatient = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String patient : patientIds) {
      for (String id : part2ByPatient.getOrDefault(patient, Set.of())) {
        Consent consent = parsed.get(id + "/" + byConsent.get(id).version());
        if (consent == null) {
          missing.add(id);
        } else {
          byPatient.computeIfAbsent(patient, key -> new ArrayList<>()).add(consent);
        }
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      for (Consent consent : read(missing.subList(from, Math.min(missing.size(), from + BATCH)))) {
        String patient = ConsentEvaluator.part2PatientOf(consent);
        if (patient != null && patientIds.contains(patient)) {
          byPatient.computeIfAbsent(patient, key -> new ArrayList<>()).add(consent);
        }
      }
    }
    return byPatient;
  }

  /** Reads what changed in the store since the last use (at start-up: every Consent). */
  synchronized void load() {
    refresh();
  }

  @Override
  public List<Consent> consentsOf(String patientId) {
    return consentsOf(List.of(patientId)).getOrDefault(patientId, List.of());
  }

  private void refresh() {
    Stamp now =
        jdbc.queryForObject(
            STAMP,
            (row, i) ->
                new Stamp(row.getLong(1), row.getLong(2), row.getLong(3), row.getObject(4)));
    if (now.equals(stamp)) {
      return;
    }
    Map<String, Long> versions = new HashMap<>();
    jdbc.query(
        VERSIONS, (RowCallbackHandler) row -> versions.put(row.getString(1), row.getLong(2)));
    for (String gone : new ArrayList<>(byConsent.keySet())) {
      if (!versions.containsKey(gone)) {
        forget(gone);
      }
    }
    List<String> changed = new ArrayList<>();
    versions.forEach(
        (id, version) -> {
          Known known = byConsent.get(id);
          if (known == null || known.version() != version) {
            changed.add(id);
          }
        });
    for (int from = 0; from < changed.size(); from += BATCH) {
      read(changed.subList(from, Math.min(changed.size(), from + BATCH)));
    }
    stamp = now;
  }

  /** Reads the Consents {@code ids} (their current versions) and remembers what they say. */
  private List<Consent> read(List<String> ids) {
    TokenOrListParam byId = new TokenOrListParam();
    ids.forEach(id -> byId.addOr(new TokenParam(id)));
    SearchParameterMap query = SearchParameterMap.newSynchronous().add("_id", byId);
    query.setLoadSynchronousUpTo(ids.size());
    List<Consent> consents = new ArrayList<>();
    for (IBaseResource resource :
        daos.getResourceDao(Consent.class).searchForResources(query, new SystemRequestDetails())) {
      Consent consent = (Consent) resource;
      String id = consent.getIdElement().getIdPart();
      Long read = consent.getIdElement().getVersionIdPartAsLong();
      long version = read == null ? -1 : read;
      forget(id);
      String patient = ConsentEvaluator.part2PatientOf(consent);
      byConsent.put(id, new Known(version, patient, evaluator.grantOf(consent)));
      if (patient != null) {
        part2ByPatient.computeIfAbsent(patient, key -> new HashSet<>()).add(id);
        parsed.put(id + "/" + version, consent);
      }
      consents.add(consent);
    }
    return consents;
  }

  private void forget(String id) {
    Known known = byConsent.remove(id);
    if (known != null && known.part2Patient() != null) {
      Set<String> ids = part2ByPatient.get(known.part2Patient());
      if (ids != null) {
        ids.remove(id);
        if (ids.isEmpty()) {
          part2ByPatient.remove(known.part2Patient());
        }
      }
      parsed.remove(id + "/" + known.version());
    }
  }
}
