package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Verified bearer tokens are trusted until they expire, never longer, and only if they were valid.
 */
class VerifiedTokenCacheTest {

  private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");
  private static final KeyPair KEY = rsa();
  private static final KeyPair OTHER_KEY = rsa();

  private final MovableClock clock = new MovableClock(START);
  private final AtomicInteger verifications = new AtomicInteger();
  private final JwtDecoder verifier = countingVerifier();

  @Test
  void aTokenIsVerifiedOnceAndThenTrustedUntilItExpires() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
    String token = token(KEY, "demo-admin", START.plusSeconds(120));

    assertThat(cache.decode(token).getSubject()).isEqualTo("demo-admin");
    clock.advance(Duration.ofSeconds(119));
    assertThat(cache.decode(token).getSubject()).isEqualTo("demo-admin");
    assertThat(verifications).hasValue(1);

    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aVerifiedTokenIsCheckedAgainAfterTheMaximumAgeEvenBeforeItExpires() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
    String token = token(KEY, "demo-admin", START.plus(Duration.ofHours(1)));

    cache.decode(token);
    clock.advance(Duration.ofMinutes(5));
    cache.decode(token);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRefusedTokenIsNeverKeptAndIsRefusedEveryTime() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
    String forged = token(OTHER_KEY, "demo-admin", START.plusSeconds(120));

    assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);

    assertThat(verifications).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void theCacheHoldsAtMostItsMaximumAndMakesRoomByDroppingExpiredTokens() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 2);
    cache.decode(token(KEY, "a", START.plusSeconds(10)));
    cache.decode(token(KEY, "b", START.plusSeconds(100)));
    String third = token(KEY, "c", START.plusSeconds(100));

    cache.decode(third);
    assertThat(cache.size()).isEqualTo(2);
    cache.decode(third);
    assertThat(verifications).hasValue(4);

    clock.advance(Duration.ofSeconds(10));
    cache.decode(third);
    cache.decode(third);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(verifications).hasValue(5);
  }

  @Test
  void clearingForgetsEveryVerifiedToken() {
    VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, Duration.ofMinutes(5), 100);
    String token = token(KEY, "demo-admin", START.plusSeconds(120));
    cache.decode(token);

    cache.clear();
    cache.decode(token);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aChangedSigningKeySetClearsTheVerifiedTokensAndAnUnchangedOneDoesNot() {
    AtomicInteger changes = new AtomicInteger();
    JwkSetChangeCache keySets =
        new JwkSetChangeCache(clock, Duration.ofMinutes(5), changes::incrementAndGet);
    String uri = "https://issuer.example.org/jwks";
    String first = jwks(KEY);

    assertThat(keySets.get(uri, () -> first)).isEqualTo(first);
    assertThat(keySets.get(uri, () -> "not fetched while fresh")).isEqualTo(first);
    clock.advance(Duration.ofMinutes(5));
    assertThat(keySets.get(uri, () -> first)).isEqualTo(first);
    assertThat(changes).hasValue(0);

    keySets.invalidate();
    String rotated = jwks(OTHER_KEY);
    assertThat(keySets.get(uri, () -> rotated)).isEqualTo(rotated);
    assertThat(changes).hasValue(1);
  }

  private JwtDecoder countingVerifier() {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEY.getPublic())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    timestamps.setClock(clock);
    decoder.setJwtValidator(timestamps);
    return token -> {
      verifications.incrementAndGet();
      return decoder.decode(token);
    };
  }

  private static String token(KeyPair key, String subject, Instant expires) {
    RSAKey jwk =
        new RSAKey.Builder((RSAPublicKey) key.getPublic())
            .privateKey((RSAPrivateKey) key.getPrivate())
            .build();
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    JwtClaimsSet claims =
        JwtClaimsSet.builder().subject(subject).issuedAt(START).expiresAt(expires).build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private static String jwks(KeyPair key) {
    return new JWKSet(new RSAKey.Builder((RSAPublicKey) key.getPublic()).build()).toString();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
