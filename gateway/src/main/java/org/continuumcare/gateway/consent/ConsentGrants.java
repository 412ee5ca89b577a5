package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.continuumcare.gateway.consent.ConsentEvaluator.Grant;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link Grant} of every stored Consent, in memory, so that the patients whose consents could
 * permit a disclosure to a recipient for a purpose are known without reading a Consent. Brought up
 * to date before each use: one query over the Consent rows of the store (how many, the sum of their
 * versions, the highest row id and the latest update) tells whether any Consent was created,
 * updated or deleted since; only then are the ids and versions listed and the changed Consents
 * read. Every node of a cluster checks the store itself, so none serves a stale set.
 */
final class ConsentGrants {

  /** How many Consents one read asks for. */
  static final int BATCH = 500;

  private static final String STAMP =
      "SELECT count(*), coalesce(sum(res_ver), 0), coalesce(max(res_id), 0), max(res_updated)"
          + " FROM hfj_resource WHERE res_type = 'Consent' AND res_deleted_at IS NULL";
  private static final String VERSIONS =
      "SELECT fhir_id, res_ver FROM hfj_resource"
          + " WHERE res_type = 'Consent' AND res_deleted_at IS NULL";

  private record Stamp(long count, long versions, long highestRow, Object latest) {}

  private record Known(long version, Optional<Grant> grant) {}

  private final DaoRegistry daos;
  private final JdbcTemplate jdbc;
  private final ConsentEvaluator evaluator;
  private final Map<String, Known> byConsent = new HashMap<>();
  private Stamp stamp;

  ConsentGrants(DaoRegistry daos, JdbcTemplate jdbc, ConsentEvaluator evaluator) {
    this.daos = daos;
    this.jdbc = jdbc;
    this.evaluator = evaluator;
  }

  /**
   * The ids of the patients with at least one consent that could permit a disclosure to {@code
   * recipient} for {@code purpose} now ({@link ConsentEvaluator#mayPermit}): a superset of the
   * patients any of whose SUD records the recipient may see under a consent.
   */
  synchronized Set<String> patientsPermitting(Recipient recipient, String purpose) {
    refresh();
    Predicate<Grant> permits = evaluator.mayPermit(recipient, purpose);
    Set<String> patients = new HashSet<>();
    for (Known known : byConsent.values()) {
      known.grant().filter(permits).ifPresent(grant -> patients.add(grant.patientId()));
    }
    return patients;
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
        VERSIONS,
        (org.springframework.jdbc.core.RowCallbackHandler)
            row -> versions.put(row.getString(1), row.getLong(2)));
    byConsent.keySet().retainAll(versions.keySet());
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

  private void read(List<String> ids) {
    TokenOrListParam byId = new TokenOrListParam();
    ids.forEach(id -> byId.addOr(new TokenParam(id)));
    SearchParameterMap query = SearchParameterMap.newSynchronous().add("_id", byId);
    query.setLoadSynchronousUpTo(ids.size());
    for (IBaseResource resource :
        daos.getResourceDao(Consent.class).searchForResources(query, new SystemRequestDetails())) {
      Consent consent = (Consent) resource;
      Long version = consent.getIdElement().getVersionIdPartAsLong();
      byConsent.put(
          consent.getIdElement().getIdPart(),
          new Known(version == null ? -1 : version, evaluator.grantOf(consent)));
    }
  }
}
