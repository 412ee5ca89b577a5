package org.continuumcare.routes.relay;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Checks the relay settings at startup; the exception names the setting that is wrong. */
public final class RelaySettingsValidator {

  private RelaySettingsValidator() {}

  /** Returns the settings if they can work, else throws. */
  public static RelayProperties validate(RelayProperties p) {
    positive("continuum.relay.poll-interval", p.pollInterval());
    positive("continuum.relay.lease", p.lease());
    positive("continuum.relay.backoff-base", p.backoffBase());
    positive("continuum.relay.connect-timeout", p.connectTimeout());
    positive("continuum.relay.read-timeout", p.readTimeout());
    atLeastOne("continuum.relay.batch-size", p.batchSize());
    atLeastOne("continuum.relay.concurrency", p.concurrency());
    if (p.maxAttempts() != null) {
      atLeastOne("continuum.relay.max-attempts", p.maxAttempts());
    }
    if (p.auditBacklogLimit() != null) {
      atLeastOne("continuum.relay.audit-backlog-limit", p.auditBacklogLimit());
    }
    atLeastOne("continuum.relay.audit-concurrency", p.auditConcurrency());
    positive("continuum.relay.retry-horizon", p.retryHorizon());
    positive("continuum.relay.held-recheck", p.heldRecheck());
    positive("continuum.relay.retention", p.retention());
    positive("continuum.relay.housekeeping-interval", p.housekeepingInterval());
    if (p.endpointCacheTtl().isNegative()) {
      throw invalid(
          "continuum.relay.endpoint-cache-ttl must not be negative (0 turns the cache"
              + " off), not "
              + p.endpointCacheTtl());
    }
    if (p.backoffMax().compareTo(p.backoffBase()) < 0) {
      throw invalid(
          "continuum.relay.backoff-max ("
              + p.backoffMax()
              + ") is below continuum.relay.backoff-base ("
              + p.backoffBase()
              + ")");
    }
    if (p.jitter() < 0 || p.jitter() > 1) {
      throw invalid("continuum.relay.jitter must be between 0 and 1, not " + p.jitter());
    }
    // A claimed batch must be finished before its lease runs out, or another instance takes over.
    long rounds = (p.batchSize() + p.concurrency() - 1) / p.concurrency();
    Duration worstBatch =
        p.connectTimeout().plus(p.readTimeout()).plusSeconds(1).multipliedBy(rounds);
    if (p.lease().compareTo(worstBatch) <= 0) {
      throw invalid(
          "continuum.relay.lease ("
              + p.lease()
              + ") must exceed the worst-case time of"
              + " one batch, "
              + worstBatch
              + " (ceil(batch-size / concurrency) x (connect-timeout +"
              + " read-timeout + 1s)); raise the lease or lower batch-size");
    }
    for (Map.Entry<String, RelayProperties.Partner> partner : p.partners().entrySet()) {
      RelayProperties.OAuth2 oauth2 =
          partner.getValue() == null ? null : partner.getValue().oauth2();
      if (oauth2 == null) {
        continue;
      }
      String key = "continuum.relay.partners." + partner.getKey() + ".oauth2";
      if (blank(oauth2.clientId()) || blank(oauth2.clientSecret())) {
        throw invalid(key + " needs client-id and client-secret");
      }
      URI tokenUri;
      try {
        tokenUri = blank(oauth2.tokenUri()) ? null : URI.create(oauth2.tokenUri());
      } catch (IllegalArgumentException bad) {
        throw invalid(key + ".token-uri is not a URI: " + oauth2.tokenUri());
      }
      if (tokenUri == null || tokenUri.getScheme() == null || tokenUri.getHost() == null) {
        throw invalid(key + ".token-uri must be an absolute http(s) URI");
      }
    }
    return p;
  }

  private static void positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw invalid(key + " must be positive, not " + value);
    }
  }

  private static void atLeastOne(String key, int value) {
    if (value < 1) {
      throw invalid(key + " must be at least 1, not " + value);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static InvalidRelayConfigurationException invalid(String message) {
    return new InvalidRelayConfigurationException("Invalid relay setting: " + message);
  }
}
