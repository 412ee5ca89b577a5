package org.continuumcare.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * Where Spring Security keeps an external issuer's JWK set (the JSON of its signing keys), for
 * {@code ttl}, then fetched again; whenever a fetched set differs from the one before, {@code
 * onChange} runs (the verified-token cache is cleared). So a key the issuer revoked stops being
 * trusted, for cached tokens too, within {@code ttl}; a token with an unknown key id makes Spring
 * fetch the set at once.
 */
final class JwkSetChangeCache implements Cache {

  private final Clock clock;
  private final Duration ttl;
  private final Runnable onChange;
  private String key;
  private String jwks;
  private Instant fetchedAt;
  private String previous;

  JwkSetChangeCache(Clock clock, Duration ttl, Runnable onChange) {
    this.clock = clock;
    this.ttl = ttl;
    this.onChange = onChange;
  }

  @Override
  public String getName() {
    return "jwk-set";
  }

  @Override
  public Object getNativeCache() {
    return this;
  }

  @Override
  public synchronized ValueWrapper get(Object key) {
    String value = current(key);
    return value == null ? null : new SimpleValueWrapper(value);
  }

  @Override
  public synchronized <T> T get(Object key, Class<T> type) {
    String value = current(key);
    return value == null ? null : type.cast(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <T> T get(Object key, Callable<T> loader) {
    String value = current(key);
    if (value != null) {
      return (T) value;
    }
    try {
      T loaded = loader.call();
      put(key, loaded);
      return loaded;
    } catch (Exception e) {
      throw new ValueRetrievalException(key, loader, e);
    }
  }

  @Override
  public synchronized void put(Object key, Object value) {
    this.key = (String) key;
    this.jwks = (String) value;
    this.fetchedAt = clock.instant();
    if (previous != null && !previous.equals(jwks)) {
      onChange.run();
    }
    previous = jwks;
  }

  @Override
  public synchronized void evict(Object key) {
    if (Objects.equals(this.key, key)) {
      jwks = null;
    }
  }

  @Override
  public synchronized void clear() {
    jwks = null;
  }

  private String current(Object key) {
    if (jwks == null
        || !Objects.equals(this.key, key)
        || !clock.instant().isBefore(fetchedAt.plus(ttl))) {
      return null;
    }
    return jwks;
  }
}
