package org.continuumcare.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The development issuer's clients: the confidential demo clients (client credentials) and the
 * console's public client (authorization code, PKCE with S256 required, no consent page, no refresh
 * token). The console's redirect URIs name the gateway's own port, known only once the web server
 * has started ({@link #serverStarted}); until then the console client is unknown.
 */
final class DevClients implements RegisteredClientRepository {

  /** How long an authorization code may wait to be redeemed. */
  static final Duration CODE_TTL = Duration.ofMinutes(2);

  private final InMemoryRegisteredClientRepository confidential;
  private final SecurityProperties.Console console;
  private final AtomicReference<RegisteredClient> consoleClient = new AtomicReference<>();

  DevClients(List<RegisteredClient> confidential, SecurityProperties.Console console) {
    this.confidential = new InMemoryRegisteredClientRepository(confidential);
    this.console = console;
  }

  void serverStarted(int port) {
    consoleClient.set(consoleClient(console, port));
  }

  static RegisteredClient consoleClient(SecurityProperties.Console console, int port) {
    List<String> redirects =
        console.redirectUris().stream()
            .map(uri -> uri.replace("{port}", Integer.toString(port)))
            .toList();
    return RegisteredClient.withId(console.clientId())
        .clientId(console.clientId())
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> uris.addAll(redirects))
        .postLogoutRedirectUris(uris -> uris.addAll(redirects))
        .scopes(scopes -> scopes.addAll(console.scopes()))
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .authorizationCodeTimeToLive(CODE_TTL)
                .accessTokenTimeToLive(console.tokenTtl())
                .build())
        .build();
  }

  /**
   * Keeps a confidential client as Spring Authorization Server updates it (e.g. its secret's
   * encoding); the console client is fixed.
   */
  @Override
  public void save(RegisteredClient registeredClient) {
    if (!registeredClient.getClientId().equals(console.clientId())) {
      confidential.save(registeredClient);
    }
  }

  @Override
  public RegisteredClient findById(String id) {
    RegisteredClient client = consoleClient.get();
    return client != null && client.getId().equals(id) ? client : confidential.findById(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    RegisteredClient client = consoleClient.get();
    return client != null && client.getClientId().equals(clientId)
        ? client
        : confidential.findByClientId(clientId);
  }
}
