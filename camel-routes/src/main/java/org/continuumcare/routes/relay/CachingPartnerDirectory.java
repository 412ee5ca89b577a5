package org.continuumcare.routes.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Caches a {@link PartnerDirectory} for a short time: partners' Endpoints change rarely, but every
 * delivery and every routed write looks them up. {@link #invalidate()} drops everything at once
 * (the gateway calls it when an Organization or Endpoint is written); the TTL bounds how long a
 * change made elsewhere (another instance) can go unseen. A TTL of zero turns caching off.
 */
public final class CachingPartnerDirectory implements PartnerDirectory {

  private final PartnerDirectory delegate;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached<Optional<PartnerEndpoint>>> byEndpoint =
      new ConcurrentHashMap<>();
  private final Map<String, Cached<List<PartnerEndpoint>>> byOrganization =
      new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  public CachingPartnerDirectory(PartnerDirectory delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Optional<PartnerEndpoint> endpoint(String endpointId) {
    return cached(byEndpoint, endpointId, () -> delegate.endpoint(endpointId));
  }

  @Override
  public List<PartnerEndpoint> endpointsOf(String organizationId) {
    return cached(byOrganization, organizationId, () -> delegate.endpointsOf(organizationId));
  }

  /** Forgets every cached lookup. */
  public void invalidate() {
    generation.incrementAndGet();
    byEndpoint.clear();
    byOrganization.clear();
  }

  private <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> load) {
    if (ttl.isZero()) {
      return load.get();
    }
    Instant now = clock.instant();
    Cached<T> hit = cache.get(key);
    if (hit != null && now.isBefore(hit.until())) {
      return hit.value();
    }
    long before = generation.get();
    T value = load.get();
    // A lookup that raced with an invalidation may have read the old data: do not keep it.
    if (before == generation.get()) {
      cache.put(key, new Cached<>(value, now.plus(ttl)));
    }
    return value;
  }

  private record Cached<T>(T value, Instant until) {}
}
