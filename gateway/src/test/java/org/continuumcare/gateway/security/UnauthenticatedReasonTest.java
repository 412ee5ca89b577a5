package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import org.continuumcare.gateway.security.DevTokenIssuerConfig.DevSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The reason tag of a 401 comes from what the real resource server threw (Nimbus decoder, Spring
 * validators, bearer token resolver), never from the token.
 */
class UnauthenticatedReasonTest {

  private static final String ISSUER = "https://issuer.test";
  private static final DevSigningKey KEY = DevSigningKey.generate();

  private final JwtAuthenticationProvider provider = provider();

  private static JwtAuthenticationProvider provider() {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(KEY.publicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
    return new JwtAuthenticationProvider(decoder);
  }

  private UnauthenticatedReason reasonFor(String token) {
    AuthenticationException refused =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> provider.authenticate(new BearerTokenAuthenticationToken(token)));
    assertThat(refused).as("the token must be refused").isNotNull();
    return UnauthenticatedReason.of(refused);
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("someone")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  private static String signed(JWTClaimsSet claims, RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void noBearerTokenIsMissing() {
    assertThat(UnauthenticatedReason.of(new AuthenticationCredentialsNotFoundException("none")))
        .isEqualTo(UnauthenticatedReason.MISSING);
  }

  @Test
  void textThatIsNotAJwtIsMalformed() {
    assertThat(reasonFor("not-a-jwt")).isEqualTo(UnauthenticatedReason.MALFORMED);
    assertThat(reasonFor("a.b.c")).isEqualTo(UnauthenticatedReason.MALFORMED);
  }

  @Test
  void aBearerHeaderTheResolverCannotReadIsMalformed() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer x y z");

    AuthenticationException refused =
        catchThrowableOfType(
            AuthenticationException.class, () -> new DefaultBearerTokenResolver().resolve(request));

    assertThat(UnauthenticatedReason.of(refused)).isEqualTo(UnauthenticatedReason.MALFORMED);
  }

  @Test
  void anExpiredTokenIsExpired() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    String token =
        signed(
            claims()
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(60)))
                .build(),
            KEY.jwk());

    assertThat(reasonFor(token)).isEqualTo(UnauthenticatedReason.EXPIRED);
  }

  @Test
  void forgedUnsignedAndWrongAlgorithmTokensHaveAnInvalidSignature() throws Exception {
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner(KEY.jwk().toPublicJWK().toRSAPublicKey().getEncoded()));

    assertThat(reasonFor(signed(claims().build(), DevSigningKey.generate().jwk())))
        .isEqualTo(UnauthenticatedReason.INVALID_SIGNATURE);
    assertThat(reasonFor(new PlainJWT(claims().build()).serialize()))
        .isEqualTo(UnauthenticatedReason.INVALID_SIGNATURE);
    assertThat(reasonFor(hmac.serialize())).isEqualTo(UnauthenticatedReason.INVALID_SIGNATURE);
  }

  @Test
  void aGenuineTokenForAnotherIssuerHasInvalidClaims() throws Exception {
    assertThat(reasonFor(signed(claims().issuer("https://evil.example.org").build(), KEY.jwk())))
        .isEqualTo(UnauthenticatedReason.INVALID_CLAIMS);
  }

  @Test
  void tagsAreTheFixedLowerCaseNames() {
    assertThat(UnauthenticatedReason.INVALID_SIGNATURE.tag()).isEqualTo("invalid_signature");
    assertThat(UnauthenticatedReason.MISSING.tag()).isEqualTo("missing");
  }
}
