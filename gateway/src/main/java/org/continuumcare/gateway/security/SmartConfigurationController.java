package org.continuumcare.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SMART App Launch discovery ({@code GET /.well-known/smart-configuration}): where to obtain a
 * token and which scopes the gateway understands. Public, as the specification requires.
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
    if (properties.devIssuer().enabled()) {
      body.put("issuer", properties.devIssuer().issuer().toString());
      body.put("jwks_uri", base + "/oauth2/jwks");
      body.put("token_endpoint", base + "/oauth2/token");
    } else {
      if (properties.issuerUri() != null) {
        body.put("issuer", properties.issuerUri());
      }
      if (properties.jwkSetUri() != null) {
        body.put("jwks_uri", properties.jwkSetUri());
      }
      if (properties.tokenEndpoint() != null) {
        body.put("token_endpoint", properties.tokenEndpoint());
      }
    }
    body.put("grant_types_supported", List.of("client_credentials"));
    body.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post"));
    body.put(
        "scopes_supported",
        List.of("system/*.cruds", "system/*.rs", "system/*.read", "system/*.write"));
    body.put(
        "capabilities", List.of("permission-v1", "permission-v2", "client-confidential-symmetric"));
    // Bulk Data Access (FHIR Bulk Data IG v2): where a backend client starts an export.
    String fhir = base + "/fhir";
    body.put(
        "bulk_data_export",
        List.of(fhir + "/$export", fhir + "/Patient/$export", fhir + "/Group/[id]/$export"));
    return body;
  }
}
