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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.continuumcare.gateway.security.SecurityProperties.DevClient;
import org.continuumcare.gateway.security.SecurityProperties.DevUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The development token issuer of the zero-setup run: Spring Authorization Server answering the
 * OAuth2 client-credentials grant at {@code POST /oauth2/token} for the demo clients of {@code
 * continuum.security.dev-issuer.clients}, with its JWK set at {@code /oauth2/jwks} and metadata at
 * {@code /.well-known/oauth-authorization-server}. Its signing key is generated at startup, so its
 * tokens end with the process. The gateway's resource server checks these tokens exactly as it
 * checks an external issuer's: signature against the issuer's key, {@code iss}, expiry.
 *
 * <p>People sign in for the console's public client ({@code continuum.security.dev-issuer.console})
 * with the authorization code grant and PKCE (S256 only) at {@code GET /oauth2/authorize}, which
 * sends them to the sign-in page ({@code /login}, {@link DevSignInPage}) for the users of {@code
 * continuum.security.dev-issuer.users} (their passwords hashed in memory at startup). OpenID
 * Connect is on: the token response carries an ID token, {@code /connect/logout} ends the sign-in
 * session (the one the ID token names, even when the request does not carry the browser's cookie:
 * {@link DevSignOut}) and {@code /.well-known/openid-configuration} describes it all.
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

  /** Where the authorization endpoint sends a browser that has not signed in yet. */
  static final String SIGN_IN_PAGE = "/login";

  private static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain devTokenIssuerSecurity(
      HttpSecurity http, OAuth2AuthorizationService authorizations, SessionRegistry signIns)
      throws Exception {
    OAuth2AuthorizationServerConfigurer authorizationServer =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    RequestMatcher authorizationEndpoint =
        request ->
            request.getRequestURI().equals(request.getContextPath() + AUTHORIZATION_ENDPOINT);
    HttpSessionRequestCache signInContinues = new HttpSessionRequestCache();
    signInContinues.setRequestMatcher(authorizationEndpoint);
    http.securityMatcher(authorizationServer.getEndpointsMatcher())
        .with(
            authorizationServer,
            server ->
                server
                    .authorizationService(authorizations)
                    .oidc(
                        oidc ->
                            oidc.logoutEndpoint(
                                logout -> logout.logoutResponseHandler(signOut(signIns))))
                    .authorizationEndpoint(
                        authorize ->
                            authorize.authenticationProviders(
                                providers ->
                                    providers.forEach(
                                        provider -> {
                                          if (provider
                                              instanceof
                                              OAuth2AuthorizationCodeRequestAuthenticationProvider
                                                  codeRequests) {
                                            codeRequests.setAuthenticationValidator(
                                                OAuth2AuthorizationCodeRequestAuthenticationValidator
                                                    .DEFAULT_REDIRECT_URI_VALIDATOR
                                                    .andThen(
                                                        DevTokenIssuerConfig::requireUserScopes));
                                          }
                                        })))
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
        // The OpenID Connect user info endpoint takes the access tokens of this issuer.
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE), authorizationEndpoint))
        // A session only for a browser signing in: it remembers the authorization request across
        // the sign-in page, then who signed in (so the next sign-in of the same browser goes
        // through until /connect/logout).
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .addFilterBefore(new EndedSignInFilter(signIns), SecurityContextHolderFilter.class)
        .requestCache(cache -> cache.requestCache(signInContinues))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /**
   * The sign-in page's form ({@code POST /login}, with a CSRF token) for the users of {@code
   * continuum.security.dev-issuer.users}; on success the browser continues its authorization
   * request.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain devSignInSecurity(
      HttpSecurity http, SecurityProperties properties, SessionRegistry signIns) throws Exception {
    DaoAuthenticationProvider users = new DaoAuthenticationProvider(devUsers(properties));
    users.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    http.securityMatcher(SIGN_IN_PAGE)
        .addFilterBefore(new EndedSignInFilter(signIns), SecurityContextHolderFilter.class)
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .formLogin(form -> form.loginPage(SIGN_IN_PAGE).permitAll())
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp -> csp.policyDirectives(DevSignInPage.CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  /**
   * The sign-in sessions of the issuer's users (Spring Authorization Server registers each when it
   * answers an OpenID Connect authorization request, and names it in the ID token's {@code sid}): a
   * sign-out ends the one its ID token names ({@link DevSignOut}).
   */
  @Bean
  SessionRegistry devSignIns() {
    return new SessionRegistryImpl();
  }

  /**
   * Tells {@link #devSignIns} when a session gets a new id or ends (a servlet listener), so it
   * follows the sessions and forgets the ended ones instead of growing with every sign-in.
   */
  @Bean
  HttpSessionEventPublisher devSessionEvents() {
    return new HttpSessionEventPublisher();
  }

  /** The answer to a valid sign-out: the sign-in ended, then the redirect the request asked for. */
  private static OidcLogoutAuthenticationSuccessHandler signOut(SessionRegistry signIns) {
    OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
    handler.setLogoutHandler(new DevSignOut(signIns));
    return handler;
  }

  /** The demo users, their passwords hashed (only the hashes are kept). */
  static UserDetailsService devUsers(SecurityProperties properties) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    properties
        .devIssuer()
        .users()
        .forEach(
            (name, user) -> {
              if (user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException(
                    "continuum.security.dev-issuer.users." + name + ".password is not set");
              }
              users.createUser(
                  User.withUsername(name)
                      .password(encoder.encode(user.password()))
                      .roles("USER")
                      .build());
            });
    return users;
  }

  /**
   * The console may ask for its registered scopes and for any {@code user/} scope they cover (one
   * type of {@code user/*}, fewer letters); anything else is {@code invalid_scope}, naming the
   * scope, sent back to the (already checked) redirect URI.
   */
  static void requireUserScopes(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    Set<String> registered = context.getRegisteredClient().getScopes();
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    for (String requested : request.getScopes()) {
      if (!registered.contains(requested)
          && !(requested.startsWith("user/") && UserScopeGrant.covers(registered, requested))) {
        throw new OAuth2AuthorizationCodeRequestAuthenticationException(
            new OAuth2Error(
                OAuth2ErrorCodes.INVALID_SCOPE,
                "The client may not ask for the scope " + requested,
                null),
            request);
      }
    }
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
  DevClients devClients(SecurityProperties properties) {
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
    return new DevClients(clients, properties.devIssuer().console());
  }

  /** Registers the console's redirect URIs once the gateway's HTTP port is known. */
  @Bean
  ApplicationListener<WebServerInitializedEvent> devConsoleRedirects(DevClients clients) {
    return event -> {
      if (event.getApplicationContext().getServerNamespace() == null) {
        clients.serverStarted(event.getWebServer().getPort());
      }
    };
  }

  /**
   * Puts the client's organisation, access, purpose and patient launch context (claim {@code
   * patient}, for a patient-facing app) into its tokens; all its scopes if it asked for none. A
   * signed-in user's tokens carry the user instead ({@link #userClaims}).
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> devTokenClaims(SecurityProperties properties) {
    return context -> {
      if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
        userClaims(context, properties);
        return;
      }
      if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      String clientId = context.getRegisteredClient().getClientId();
      DevClient client = properties.devIssuer().clients().get(clientId);
      context.getClaims().claim("client_id", clientId);
      context.getClaims().claim(CallerJwtConverter.ACCESS, accessClaim(client.access()));
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

  /**
   * A signed-in user's tokens: {@code sub} is the user name; the ID token and the access token name
   * the user's Practitioner ({@code fhirUser}); the access token also carries the client, the
   * user's organisation (none for a user without a role), access and purpose of use.
   */
  private static void userClaims(JwtEncodingContext context, SecurityProperties properties) {
    String name = context.getPrincipal().getName();
    DevUser user = properties.devIssuer().users().get(name);
    if (user == null) {
      return;
    }
    String fhirUser = "Practitioner/" + user.practitionerId(name);
    if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
      context.getClaims().claim(CallerJwtConverter.FHIR_USER, fhirUser);
      return;
    }
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
    context.getClaims().claim(CallerJwtConverter.FHIR_USER, fhirUser);
    context.getClaims().claim(CallerJwtConverter.ACCESS, accessClaim(user.access()));
    context.getClaims().claim(CallerJwtConverter.PURPOSE_OF_USE, user.purposeOfUse());
    if (user.organization() != null && !user.organization().isBlank()) {
      context.getClaims().claim(CallerJwtConverter.ORGANIZATION, user.organization());
    }
  }

  private static String accessClaim(Caller.Access access) {
    return access.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Bean
  DevSigningKey devSigningKey() {
    return DevSigningKey.generate();
  }

  @Bean
  JWKSource<SecurityContext> devJwkSource(DevSigningKey key) {
    return new ImmutableJWKSet<>(new JWKSet(key.jwk()));
  }

  /** What the issuer remembers: users' sign-ins for a while, never client-credentials tokens. */
  @Bean
  OAuth2AuthorizationService devAuthorizations(SecurityProperties properties, Clock clock) {
    return new DevAuthorizations(properties.devIssuer().users(), clock);
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
