package org.continuumcare.gateway.security;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.continuumcare.gateway.security.DevTokenIssuerConfig.DevSigningKey;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.continuumcare.gateway.web.OperationOutcomeWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * HTTP security of the gateway: every {@code /fhir/**} and {@code /api/**} request carries a valid
 * bearer JWT, except the CapabilityStatement ({@code GET /fhir/metadata}) and SMART discovery
 * ({@code /.well-known/smart-configuration}); health and metrics stay open for probes (serve them
 * on an internal management port in production). What a valid token may then do is decided by its
 * SMART scopes and its client's organisation: in the FHIR server by {@link
 * SmartScopeAuthorizationInterceptor} and {@link PartnerIsolation}, here for the non-FHIR API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  @Order(10)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      SecurityProperties properties,
      FhirContext fhirContext,
      SecurityAuditTrail audit)
      throws Exception {
    SecurityErrorResponses errors =
        new SecurityErrorResponses(new OperationOutcomeWriter(fhirContext), audit);
    return http.securityMatcher("/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET, "/fhir/metadata", "/.well-known/smart-configuration")
                    .permitAll()
                    .requestMatchers(HttpMethod.OPTIONS, "/fhir/metadata")
                    .permitAll()
                    // The console's static pages; their data calls carry the user's token.
                    .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/console", "/console/", "/console/**")
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers("/api/handoffs/queue", "/api/handoffs/queue/**")
                    .access(admin())
                    .requestMatchers(HttpMethod.POST, "/api/handoffs", "/api/handoffs/**")
                    .access(scope("Composition", Permission.CREATE))
                    .requestMatchers("/fhir/**", "/api/**")
                    .access(withRole())
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerJwtConverter(properties)))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        // A bearer request never touches a session. The console's calls carry the browser's
        // cookie of its sign-in at the development issuer; session-fixation protection (on by
        // default, even when stateless) gave that session a new id on each call, so a sign-out sent
        // with the old id while a call was in flight found no session and ended nothing.
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        .csrf(csrf -> csrf.disable())
        .anonymous(anonymous -> anonymous.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  /**
   * No Micrometer observation of Spring Security's own steps: with an observation registry present
   * (actuator), Spring Security otherwise wraps every filter of the chain, the authentication and
   * the authorization in an observation of its own, which cost about as much CPU per request as the
   * filters themselves (bench/RESULTS.md). The request as a whole is still measured ({@code
   * http.server.requests}).
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Any authenticated caller except a signed-in user with no role in any organisation (who has no
   * organisation to act for).
   */
  private static AuthorizationManager<RequestAuthorizationContext> withRole() {
    return (authentication, context) ->
        new AuthorizationDecision(
            authentication.get() instanceof CallerAuthentication caller
                && !caller.caller().isUserWithoutRole());
  }

  /** Administrators only. */
  private static AuthorizationManager<RequestAuthorizationContext> admin() {
    return (authentication, context) ->
        new AuthorizationDecision(
            authentication.get() instanceof CallerAuthentication caller
                && caller.caller().isAdmin());
  }

  /** The caller's scopes must allow {@code permission} on {@code resourceType}. */
  private static AuthorizationManager<RequestAuthorizationContext> scope(
      String resourceType, Permission permission) {
    return (authentication, context) ->
        new AuthorizationDecision(
            authentication.get() instanceof CallerAuthentication caller
                && caller.caller().allows(resourceType, permission));
  }

  /**
   * How long an external issuer's JWK set is used before it is fetched again, and the longest a
   * verified token is trusted without being checked again (both: a revoked key stops working within
   * about this long). Nimbus's own JWK set cache defaults to the same 5 minutes.
   */
  static final Duration KEY_SET_TTL = Duration.ofMinutes(5);

  /** Verified tokens kept at most (a few hundred bytes each). */
  static final int VERIFIED_TOKENS_MAX = 10_000;

  @Bean
  JwtDecoder jwtDecoder(
      SecurityProperties properties, ObjectProvider<DevSigningKey> devKey, Clock clock) {
    AtomicReference<VerifiedTokenCache> verifiedTokens = new AtomicReference<>();
    JwkSetChangeCache keySets =
        new JwkSetChangeCache(clock, KEY_SET_TTL, () -> verifiedTokens.get().clear());
    SecurityProperties.DevIssuer dev = properties.devIssuer();
    boolean external = properties.issuerUri() != null || properties.jwkSetUri() != null;
    if (dev.enabled() && external) {
      throw new IllegalStateException(
          "Both the development token issuer (continuum.security.dev-issuer.enabled) "
              + "and an external issuer (continuum.security.issuer-uri / jwk-set-uri) are configured: choose one.");
    }
    NimbusJwtDecoder decoder;
    String issuer;
    if (dev.enabled()) {
      decoder =
          NimbusJwtDecoder.withPublicKey(devKey.getObject().publicKey())
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
      issuer = dev.issuer().toString();
    } else if (properties.jwkSetUri() != null) {
      decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).cache(keySets).build();
      issuer = properties.issuerUri() == null ? null : properties.issuerUri();
    } else if (properties.issuerUri() != null) {
      decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).cache(keySets).build();
      issuer = properties.issuerUri();
    } else {
      throw new IllegalStateException(
          "No token issuer is configured, so no request could be authenticated. Set "
              + "CONTINUUM_SECURITY_ISSUER_URI (e.g. https://keycloak.example.org/realms/continuum) or "
              + "CONTINUUM_SECURITY_JWK_SET_URI; for a local demo, CONTINUUM_SECURITY_DEV_ISSUER_ENABLED=true.");
    }
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        issuer == null
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(issuer));
    if (properties.audience() != null && !properties.audience().isBlank()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              "aud", audience -> audience != null && audience.contains(properties.audience())));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    verifiedTokens.set(new VerifiedTokenCache(decoder, clock, KEY_SET_TTL, VERIFIED_TOKENS_MAX));
    return verifiedTokens.get();
  }
}
