package org.continuumcare.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.security.SecurityProperties.DevClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development token issuer of the zero-setup run: Spring Authorization Server answering the
 * OAuth2 client-credentials grant at {@code POST /oauth2/token} for the demo clients of {@code
 * continuum.security.dev-issuer.clients}, with its JWK set at {@code /oauth2/jwks} and metadata at
 * {@code /.well-known/oauth-authorization-server}. Its signing key is generated at startup, so its
 * tokens end with the process. The gateway's resource server checks these tokens exactly as it
 * checks an external issuer's: signature against the issuer's key, {@code iss}, expiry.
 *
 * <p>Off unless {@code continuum.security.dev-issuer.enabled}; with the {@code postgres} profile
 * (production-like) the gateway refuses to start with it on unless {@code force} is also set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "continuum.security.dev-issuer",
    name = "enabled",
    havingValue = "true")
class DevTokenIssuerConfig {

  DevTokenIssuerConfig(SecurityProperties properties, Environment environment) {
    DevIssuerPolicy.check(
        properties.devIssuer(),
        environment.acceptsProfiles(Profiles.of(DevIssuerPolicy.PRODUCTION_PROFILE)));
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain devTokenIssuerSecurity(
      HttpSecurity http, OAuth2AuthorizationService authorizations) throws Exception {
    OAuth2AuthorizationServerConfigurer authorizationServer =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(authorizationServer.getEndpointsMatcher())
        .with(
            authorizationServer,
            server ->
                server
                    .authorizationService(authorizations)
                    .tokenEndpoint(
                        token ->
                            token.authenticationProviders(
                                providers ->
                                    providers.forEach(
                                        provider -> {
                                          if (provider
                                              instanceof
                                              OAuth2ClientCredentialsAuthenticationProvider
                                                  clientCredentials) {
                                            clientCredentials.setAuthenticationValidator(
                                                DevTokenIssuerConfig::requireSmartSubset);
                                          }
                                        }))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /**
   * A SMART client may ask for any subset of what it is registered for (fewer letters, one type of
   * a wildcard), not only for registered scope strings verbatim; anything else is {@code
   * invalid_scope}, naming the scope.
   */
  static void requireSmartSubset(OAuth2ClientCredentialsAuthenticationContext context) {
    SmartScopes registered = SmartScopes.parse(context.getRegisteredClient().getScopes());
    OAuth2ClientCredentialsAuthenticationToken token = context.getAuthentication();
    for (String requested : token.getScopes()) {
      if (!context.getRegisteredClient().getScopes().contains(requested)
          && !registered.covers(requested)) {
        throw new OAuth2AuthenticationException(
            new OAuth2Error(
                OAuth2ErrorCodes.INVALID_SCOPE,
                "The client may not ask for the scope " + requested,
                null));
      }
    }
  }

  @Bean
  AuthorizationServerSettings devIssuerSettings(SecurityProperties properties) {
    return AuthorizationServerSettings.builder()
        .issuer(properties.devIssuer().issuer().toString())
        .build();
  }

  @Bean
  RegisteredClientRepository devClients(SecurityProperties properties) {
    List<RegisteredClient> clients = new ArrayList<>();
    TokenSettings tokens =
        TokenSettings.builder().accessTokenTimeToLive(properties.devIssuer().tokenTtl()).build();
    properties
        .devIssuer()
        .clients()
        .forEach(
            (clientId, client) -> {
              if (client.secret() == null || client.secret().isBlank()) {
                throw new IllegalStateException(
                    "continuum.security.dev-issuer.clients." + clientId + ".secret is not set");
              }
              clients.add(
                  RegisteredClient.withId(clientId)
                      .clientId(clientId)
                      .clientSecret("{noop}" + client.secret())
                      .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                      .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                      .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                      .scopes(scopes -> scopes.addAll(client.scopes()))
                      .tokenSettings(tokens)
                      .build());
            });
    if (clients.isEmpty()) {
      throw new IllegalStateException(
          "The development token issuer is on but has no clients (continuum.security.dev-issuer.clients)");
    }
    return new InMemoryRegisteredClientRepository(clients);
  }

  /**
   * Puts the client's organisation, access, purpose and patient launch context (claim {@code
   * patient}, for a patient-facing app) into its tokens; all its scopes if it asked for none.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> devTokenClaims(SecurityProperties properties) {
    return context -> {
      if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      String clientId = context.getRegisteredClient().getClientId();
      DevClient client = properties.devIssuer().clients().get(clientId);
      context.getClaims().claim("client_id", clientId);
      context
          .getClaims()
          .claim(
              CallerJwtConverter.ACCESS,
              client.access().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      context.getClaims().claim(CallerJwtConverter.PURPOSE_OF_USE, client.purposeOfUse());
      if (client.organization() != null) {
        context.getClaims().claim(CallerJwtConverter.ORGANIZATION, client.organization());
      }
      if (client.patient() != null) {
        context.getClaims().claim(CallerJwtConverter.PATIENT, client.patient());
      }
      if (context.getAuthorizedScopes().isEmpty()) {
        context.getClaims().claim("scope", String.join(" ", client.scopes()));
      }
    };
  }

  @Bean
  DevSigningKey devSigningKey() {
    return DevSigningKey.generate();
  }

  @Bean
  JWKSource<SecurityContext> devJwkSource(DevSigningKey key) {
    return new ImmutableJWKSet<>(new JWKSet(key.jwk()));
  }

  /**
   * Client-credentials tokens are self-contained JWTs: nothing needs to remember them, and a
   * remembering store would grow with every token issued. (Introspection and revocation are
   * therefore not offered by the development issuer.)
   */
  @Bean
  OAuth2AuthorizationService statelessAuthorizations() {
    return new OAuth2AuthorizationService() {
      @Override
      public void save(OAuth2Authorization authorization) {}

      @Override
      public void remove(OAuth2Authorization authorization) {}

      @Override
      public OAuth2Authorization findById(String id) {
        return null;
      }

      @Override
      public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
      }
    };
  }

  /** The development issuer's RSA signing key, generated at startup. */
  record DevSigningKey(RSAKey jwk) {

    static DevSigningKey generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new DevSigningKey(
            new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("RSA is not available", e);
      }
    }

    RSAPublicKey publicKey() {
      try {
        return jwk.toRSAPublicKey();
      } catch (com.nimbusds.jose.JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
