package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.SearchParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the {@code disclosure-key} search parameter (of the recovery package) indexes every
 * stored record of the types it covers. Searches may be narrowed by it only then: a record without
 * its key would match no narrowed search. When the parameter is first installed on a store that
 * already holds records, HAPI reindexes them in the background; until that is done, callers'
 * searches are not narrowed (and are slower, never wrong). Checked in the background when first
 * asked, then at most every {@link #RECHECK} until complete; once complete it stays so, since every
 * record written after the parameter is active is indexed as it is written.
 */
final class DisclosureKeyIndex {

  static final String PARAMETER = "disclosure-key";
  static final String URL = "https://continuumcare.org/fhir/SearchParameter/disclosure-key";
  static final Duration RECHECK = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(DisclosureKeyIndex.class);

  private static final String MISSING =
      "SELECT count(*) FROM hfj_resource r WHERE r.res_deleted_at IS NULL AND r.res_type IN (%s)"
          + " AND NOT EXISTS (SELECT 1 FROM hfj_spidx_token t WHERE t.res_id = r.res_id"
          + " AND t.sp_name = '"
          + PARAMETER
          + "' AND t.sp_missing = false)";

  private final DaoRegistry daos;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Set<String> types;
  private Instant nextCheck = Instant.MIN;
  private boolean checking;

  DisclosureKeyIndex(DaoRegistry daos, JdbcTemplate jdbc, Clock clock) {
    this.daos = daos;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Whether searches of {@code resourceType} may be narrowed by the key now. Until the index is
   * known complete, the answer is no, and a check (seconds on a large store) runs in the background
   * at most every {@link #RECHECK}, never on the caller's thread.
   */
  boolean covers(String resourceType) {
    Set<String> complete = types;
    if (complete == null) {
      checkSoon();
      return false;
    }
    return complete.contains(resourceType);
  }

  private void checkSoon() {
    synchronized (this) {
      if (types != null || checking || clock.instant().isBefore(nextCheck)) {
        return;
      }
    }
    Thread check = new Thread(this::checkNow, "disclosure-key-check");
    check.setDaemon(true);
    check.start();
  }

  /**
   * Checks the index now, on this thread (at start-up, and on the background thread of {@link
   * #covers}); at most one check runs at a time.
   */
  void checkNow() {
    synchronized (this) {
      if (types != null || checking) {
        return;
      }
      checking = true;
      nextCheck = clock.instant().plus(RECHECK);
    }
    try {
      check();
    } catch (RuntimeException e) {
      log.warn(
          "Search narrowing: the {} index could not be checked ({}); searches are not narrowed",
          PARAMETER,
          e.getClass().getSimpleName());
    } finally {
      synchronized (this) {
        checking = false;
      }
    }
  }

  /** Checks the index; marks it complete when it is. */
  private void check() {
    Set<String> covered = installedBase();
    if (covered.isEmpty()) {
      log.info("Search narrowing: the {} search parameter is not installed", PARAMETER);
      return;
    }
    String list = covered.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","));
    Long missing = jdbc.queryForObject(MISSING.formatted(list), Long.class);
    if (missing != null && missing > 0) {
      log.info(
          "Search narrowing waits for the {} index: {} records not indexed yet (HAPI reindexes"
              + " them in the background)",
          PARAMETER,
          missing);
      return;
    }
    log.info("Search narrowing by {} is on for {} resource types", PARAMETER, covered.size());
    types = covered;
  }

  /** The resource types the installed parameter covers (only plain type names are used in SQL). */
  private Set<String> installedBase() {
    SearchParameterMap query =
        SearchParameterMap.newSynchronous().add(SearchParameter.SP_URL, new UriParam(URL));
    List<? extends IBaseResource> found =
        daos.getResourceDao(SearchParameter.class)
            .searchForResources(query, new SystemRequestDetails());
    return found.stream()
        .map(SearchParameter.class::cast)
        .filter(p -> p.getStatus() == org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE)
        .flatMap(p -> p.getBase().stream())
        .map(CodeType::getCode)
        .filter(code -> code != null && code.matches("[A-Z][A-Za-z]+"))
        .collect(Collectors.toUnmodifiableSet());
  }
}
