package org.continuumcare.routes.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reliable relay, under {@code continuum.relay.*}.
 *
 * @param enabled whether the outbox consumer runs on this instance
 * @param pollInterval pause between outbox polls when the previous poll found nothing; doubled
 *     after each further empty poll up to {@code idlePollMax}, never past the moment the next
 *     waiting row is due (a retry, a held re-check, a lease that runs out)
 * @param batchSize rows claimed per poll
 * @param concurrency deliveries in flight at once per instance
 * @param lease how long a claimed row stays with this instance before another may take it over
 * @param maxAttempts optional extra cap: counted attempts (those not answered with Retry-After)
 *     after which a transiently failing delivery becomes a dead letter; unset (null) by default
 * @param backoffBase delay before the second attempt; doubled for every further attempt
 * @param backoffMax upper bound of the exponential delay
 * @param jitter fraction (0..1) of the delay that is randomised downwards
 * @param retryAfterMax upper bound for a partner's {@code Retry-After}
 * @param connectTimeout TCP/TLS connect timeout towards partners
 * @param readTimeout time a partner has to answer a request
 * @param rules which resources travel to which partner
 * @param partners per-partner (Organization id) settings that must not live in FHIR data, such as
 *     credentials
 * @param retryHorizon a transiently failing delivery becomes a dead letter only once its first
 *     failed attempt is older than this (default 24 h); retries keep the backoff schedule
 * @param heldRecheck how often a delivery held by the disclosure gate is checked again (5 min)
 * @param retention how long DELIVERED rows are kept before housekeeping deletes them (30 days)
 * @param housekeepingInterval how often housekeeping runs (1 h)
 * @param endpointCacheTtl how long a partner's Endpoints are cached (30 s; writes of an
 *     Organization or Endpoint invalidate the cache at once)
 * @param auditBacklogLimit optional: while at least this many attempts wait in the attempt journal
 *     to be stored as AuditEvents, this instance claims no new deliveries (so the audit trail
 *     cannot fall ever further behind under sustained load); unset (null): no limit. Set it only
 *     where something drains the journal (the gateway does).
 * @param auditConcurrency how many threads of this instance store journaled attempts as AuditEvents
 *     (each takes its own batch; default 1). On 2 cores a second one kept the audit trail closer
 *     behind a burst but did not shorten "delivered and audited" (the machine is CPU-bound); it is
 *     for instances with more cores.
 * @param idlePollMax the longest an idle poller waits before it looks again (default 10 s): rows
 *     queued by this instance wake it at once ({@link RelayWakeup}); rows queued by other instances
 *     are found within this
 */
@ConfigurationProperties("continuum.relay")
public record RelayProperties(
    Boolean enabled,
    Duration pollInterval,
    Integer batchSize,
    Integer concurrency,
    Duration lease,
    Integer maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Double jitter,
    Duration retryAfterMax,
    Duration connectTimeout,
    Duration readTimeout,
    List<Rule> rules,
    Map<String, Partner> partners,
    Duration retryHorizon,
    Duration heldRecheck,
    Duration retention,
    Duration housekeepingInterval,
    Duration endpointCacheTtl,
    Integer auditBacklogLimit,
    Integer auditConcurrency,
    Duration idlePollMax) {

  public RelayProperties {
    enabled = enabled == null || enabled;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    batchSize = batchSize == null ? 256 : batchSize;
    concurrency = concurrency == null ? 64 : concurrency;
    lease = lease == null ? Duration.ofMinutes(2) : lease;
    backoffBase = backoffBase == null ? Duration.ofSeconds(2) : backoffBase;
    backoffMax = backoffMax == null ? Duration.ofMinutes(15) : backoffMax;
    jitter = jitter == null ? 0.2 : jitter;
    retryAfterMax = retryAfterMax == null ? Duration.ofHours(1) : retryAfterMax;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    rules = rules == null ? List.of() : List.copyOf(rules);
    partners = partners == null ? Map.of() : Map.copyOf(partners);
    retryHorizon = retryHorizon == null ? Duration.ofHours(24) : retryHorizon;
    heldRecheck = heldRecheck == null ? Duration.ofMinutes(5) : heldRecheck;
    retention = retention == null ? Duration.ofDays(30) : retention;
    housekeepingInterval =
        housekeepingInterval == null ? Duration.ofHours(1) : housekeepingInterval;
    endpointCacheTtl = endpointCacheTtl == null ? Duration.ofSeconds(30) : endpointCacheTtl;
    auditConcurrency = auditConcurrency == null ? 1 : auditConcurrency;
    idlePollMax = idlePollMax == null ? Duration.ofSeconds(10) : idlePollMax;
    if (idlePollMax.compareTo(pollInterval) < 0) {
      idlePollMax = pollInterval;
    }
  }

  /**
   * One routing rule: resources of {@code resourceType} (optionally with {@code profile} in
   * meta.profile and a category coding {@code category}, written {@code code} or {@code
   * system|code}) go to the Organization(s) referenced at {@code partnerPath}, e.g. {@code
   * ServiceRequest.performer} or {@code Task.owner}; {@code connectionType} optionally restricts
   * which of the partner's Endpoints receive it.
   */
  public record Rule(
      String name,
      String resourceType,
      String profile,
      String category,
      String partnerPath,
      String connectionType) {}

  /** Settings of one partner, keyed by its Organization id. */
  public record Partner(OAuth2 oauth2) {}

  /** OAuth2 client-credentials grant used to obtain a bearer token for the partner's API. */
  public record OAuth2(String tokenUri, String clientId, String clientSecret, String scope) {}

  /** Partner settings for an Organization id, or none. */
  public Partner partner(String organizationId) {
    return partners.get(organizationId);
  }
}
