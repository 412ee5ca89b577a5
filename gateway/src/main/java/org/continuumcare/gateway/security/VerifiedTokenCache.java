package org.continuumcare.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that checks each bearer token's signature and claims once and then trusts
 * the result until the token expires: a client sends the same token with every request of its
 * lifetime, and the RSA check is the largest cost of a small write (bench/RESULTS.md).
 *
 * <ul>
 *   <li>Keyed by the SHA-256 of the token; a hit is also compared with the token itself.
 *   <li>Never beyond the token's {@code exp} (a token without one is not cached), and never longer
 *       than {@code maxAge} after it was verified.
 *   <li>Only tokens the wrapped decoder accepted are kept; a refused token is checked every time.
 *   <li>At most {@code maxEntries} tokens: when full, expired ones are dropped, and if none has
 *       expired the new token is verified but not kept.
 *   <li>{@link #clear()} forgets everything: called when the issuer's signing key set changes
 *       ({@link JwkSetChangeCache}), so a token signed by a revoked key is checked again (and
 *       refused).
 * </ul>
 */
final class VerifiedTokenCache implements JwtDecoder {

  private final JwtDecoder verifier;
  private final Clock clock;
  private final Duration maxAge;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  VerifiedTokenCache(JwtDecoder verifier, Clock clock, Duration maxAge, int maxEntries) {
    this.verifier = verifier;
    this.clock = clock;
    this.maxAge = maxAge;
    this.maxEntries = maxEntries;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    String key = sha256(token);
    Instant now = clock.instant();
    Verified known = verified.get(key);
    if (known != null) {
      if (now.isBefore(known.until()) && known.jwt().getTokenValue().equals(token)) {
        return known.jwt();
      }
      verified.remove(key, known);
    }
    Jwt jwt = verifier.decode(token);
    remember(key, jwt, now);
    return jwt;
  }

  /** Forgets every verified token. */
  void clear() {
    verified.clear();
  }

  int size() {
    return verified.size();
  }

  private void remember(String key, Jwt jwt, Instant now) {
    Instant expires = jwt.getExpiresAt();
    if (expires == null) {
      return;
    }
    Instant until = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
    if (!now.isBefore(until)) {
      return;
    }
    if (verified.size() >= maxEntries) {
      verified.values().removeIf(entry -> !now.isBefore(entry.until()));
      if (verified.size() >= maxEntries) {
        return;
      }
    }
    verified.put(key, new Verified(jwt, until));
  }

  private static String sha256(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private record Verified(Jwt jwt, Instant until) {}
}
