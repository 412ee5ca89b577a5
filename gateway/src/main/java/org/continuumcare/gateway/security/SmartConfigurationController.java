package org.continuumcare.gateway.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART App Launch discovery ({@code GET /.well-known/smart-configuration}): where to obtain a
 * token and which scopes the gateway understands. Public, as the specification requires. With the
 * development issuer (or an external issuer's {@code authorization-endpoint} configured) it also
 * describes the standalone launch of a public client (the console): authorization code with PKCE
 * (S256), {@code openid fhirUser user/} scopes and where to sign out.
 */
@RestController
class SmartConfigurationController {

  private final SecurityProperties properties;

  SmartConfigurationController(SecurityProperties properties) {
    this.properties = properties;
  }

  @GetMapping(
      path = "/.well-known/smart-configuration",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> smartConfiguration() {
    Map<String, Object> body = new LinkedHashMap<>();
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    boolean userSignIn;
    if (properties.devIssuer().enabled()) {
      body.put("issuer", properties.devIssuer().issuer().toString());
      body.put("jwks_uri", base + "/oauth2/jwks");
      body.put("authorization_endpoint", base + "/oauth2/authorize");
      body.put("token_endpoint", base + "/oauth2/token");
      body.put("userinfo_endpoint", base + "/userinfo");
      body.put("end_session_endpoint", base + "/connect/logout");
      userSignIn = true;
    } else {
      if (properties.issuerUri() != null) {
        body.put("issuer", properties.issuerUri());
      }
      if (properties.jwkSetUri() != null) {
        body.put("jwks_uri", properties.jwkSetUri());
      }
      if (properties.authorizationEndpoint() != null) {
        body.put("authorization_endpoint", properties.authorizationEndpoint());
      }
      if (properties.tokenEndpoint() != null) {
        body.put("token_endpoint", properties.tokenEndpoint());
      }
      if (properties.endSessionEndpoint() != null) {
        body.put("end_session_endpoint", properties.endSessionEndpoint());
      }
      userSignIn = properties.authorizationEndpoint() != null;
    }
    List<String> grants = new ArrayList<>(List.of("client_credentials"));
    List<String> scopes =
        new ArrayList<>(
            List.of("system/*.cruds", "system/*.rs", "system/*.read", "system/*.write"));
    List<String> capabilities =
        new ArrayList<>(List.of("permission-v1", "permission-v2", "client-confidential-symmetric"));
    if (userSignIn) {
      grants.add("authorization_code");
      scopes.addAll(List.of("openid", "fhirUser", "user/*.cruds", "user/*.rs"));
      capabilities.addAll(
          List.of("launch-standalone", "client-public", "permission-user", "sso-openid-connect"));
      body.put("response_types_supported", List.of("code"));
      body.put("code_challenge_methods_supported", List.of("S256"));
    }
    body.put("grant_types_supported", grants);
    body.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    body.put("scopes_supported", scopes);
    body.put("capabilities", capabilities);
    // Bulk Data Access (FHIR Bulk Data IG v2): where a backend client starts an export.
    String fhir = base + "/fhir";
    body.put(
        "bulk_data_export",
        List.of(fhir + "/$export", fhir + "/Patient/$export", fhir + "/Group/[id]/$export"));
    return body;
  }
}
