package org.continuumcare.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.continuumcare.gateway.security.Caller.Access;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the gateway ({@code continuum.security.*}).
 *
 * @param issuerUri the external OAuth2 issuer whose tokens are accepted (its JWK set is found
 *     through OpenID/OAuth discovery and {@code iss} must equal it), e.g. a Keycloak realm
 * @param jwkSetUri the issuer's JWK set, when discovery is not available (with {@code issuerUri}
 *     also set, {@code iss} is still checked)
 * @param tokenEndpoint where clients obtain tokens, advertised in {@code
 *     /.well-known/smart-configuration} (the development issuer advertises its own)
 * @param authorizationEndpoint where people sign in (authorization code with PKCE, e.g. for the
 *     console), advertised in {@code /.well-known/smart-configuration}
 * @param endSessionEndpoint where people sign out (OpenID Connect RP-initiated logout), advertised
 *     in {@code /.well-known/smart-configuration}
 * @param audience when set, a token's {@code aud} must contain it
 * @param clients the binding of OAuth2 client ids to an Organization, an access level and a purpose
 *     of use; a claim of the same name in the token wins over the binding
 * @param devIssuer the development token issuer of the zero-setup run
 */
@ConfigurationProperties("continuum.security")
public record SecurityProperties(
    String issuerUri,
    String jwkSetUri,
    String tokenEndpoint,
    String authorizationEndpoint,
    String endSessionEndpoint,
    String audience,
    Map<String, ClientBinding> clients,
    @DefaultValue DevIssuer devIssuer) {

  public SecurityProperties {
    issuerUri = blankToNull(issuerUri);
    jwkSetUri = blankToNull(jwkSetUri);
    tokenEndpoint = blankToNull(tokenEndpoint);
    authorizationEndpoint = blankToNull(authorizationEndpoint);
    endSessionEndpoint = blankToNull(endSessionEndpoint);
    audience = blankToNull(audience);
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * What an OAuth2 client stands for.
   *
   * @param organization the Organization id it acts for (e.g. {@code demo-housing})
   * @param access how far its view reaches (default PARTNER: only what is addressed to it)
   * @param purposeOfUse default v3 PurposeOfUse code of its requests (default TREAT)
   */
  public record ClientBinding(
      String organization,
      @DefaultValue("PARTNER") Access access,
      @DefaultValue("TREAT") String purposeOfUse) {}

  /**
   * The development token issuer: {@code POST /oauth2/token} (client credentials) with a JWK set at
   * {@code /oauth2/jwks}, signing with a key generated at startup. For the zero-setup run only.
   *
   * @param enabled on in the default (embedded) run, off in the {@code postgres} profile
   * @param force allow it in the {@code postgres} profile anyway (tests, demos; never production)
   * @param issuer the {@code iss} of its tokens
   * @param tokenTtl lifetime of its access tokens
   * @param clients its clients: secret, scopes and binding
   * @param console the public client of the console (authorization code with PKCE)
   * @param users the people who sign in at its sign-in page (by user name)
   */
  public record DevIssuer(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("false") boolean force,
      @DefaultValue("http://localhost:8080") URI issuer,
      @DefaultValue("1h") Duration tokenTtl,
      Map<String, DevClient> clients,
      @DefaultValue Console console,
      Map<String, DevUser> users) {

    public DevIssuer {
      clients = clients == null ? Map.of() : Map.copyOf(clients);
      users = users == null ? Map.of() : Map.copyOf(users);
    }
  }

  /**
   * The console's public client (no secret): authorization code with PKCE (S256 only).
   *
   * @param clientId its client id
   * @param redirectUris where a code may be sent back; {@code {port}} stands for the gateway's
   *     actual HTTP port
   * @param scopes the most it may ask for ({@code openid}, {@code fhirUser}, {@code user/} scopes);
   *     a user is granted only what both this and the user's own scopes allow
   * @param tokenTtl lifetime of its access and ID tokens (then the user signs in again)
   */
  public record Console(
      @DefaultValue("continuum-console") String clientId,
      @DefaultValue({"http://localhost:{port}/console/", "http://127.0.0.1:{port}/console/"})
          List<String> redirectUris,
      @DefaultValue({"openid", "fhirUser", "user/*.cruds"}) List<String> scopes,
      @DefaultValue("15m") Duration tokenTtl) {

    public Console {
      redirectUris = List.copyOf(redirectUris);
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * A person who signs in at the development issuer (a demo user). Its password is hashed when the
   * issuer starts; only the hash is kept in memory.
   *
   * @param password the demo password (documented, demo only)
   * @param practitioner the id of the user's Practitioner (claim {@code fhirUser}); default {@code
   *     demo-user-<name>}
   * @param organization the Organization the user works for (the id of their PractitionerRole's
   *     organization); null: a user with no role in any organisation
   * @param access how far the user's view reaches, as for a client of that organisation
   * @param purposeOfUse the v3 PurposeOfUse code of the user's requests
   * @param role the text of the user's PractitionerRole (e.g. {@code release officer})
   * @param scopes the {@code user/} scopes the user's role allows
   */
  public record DevUser(
      String password,
      String practitioner,
      String organization,
      @DefaultValue("PARTNER") Access access,
      @DefaultValue("TREAT") String purposeOfUse,
      String role,
      List<String> scopes) {

    public DevUser {
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** The id of the user's Practitioner. */
    public String practitionerId(String userName) {
      return practitioner == null || practitioner.isBlank()
          ? "demo-user-" + userName
          : practitioner;
    }
  }

  /**
   * A client of the development issuer.
   *
   * @param secret its client secret (client_secret_basic or client_secret_post)
   * @param scopes the scopes it may request; all of them when it requests none
   * @param organization, access, purposeOfUse put into its tokens as claims
   * @param patient the SMART launch context (claim {@code patient}) of a patient-facing app; null
   *     if none
   */
  public record DevClient(
      String secret,
      List<String> scopes,
      String organization,
      @DefaultValue("PARTNER") Access access,
      @DefaultValue("TREAT") String purposeOfUse,
      String patient) {

    public DevClient {
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
  }
}
