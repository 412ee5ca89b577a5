package org.continuumcare.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of the demo clients for integration tests, obtained with the client-credentials
 * grant from the gateway's own development issuer (secrets as in application.yaml and the README)
 * and cached per client for the suite.
 */
public final class Tokens {

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tokens() {}

  static Optional<String> bearer(GatewayIntegrationTest test, String clientId) {
    return Optional.of(
        CACHE.computeIfAbsent(
            test.baseUrl() + " " + clientId,
            key -> request(test.baseUrl(), clientId, clientId + "-secret", null)));
  }

  /**
   * A fresh token for {@code clientId}, asking for {@code scope} (all the client's scopes when
   * null).
   */
  public static String request(String baseUrl, String clientId, String secret, String scope) {
    HttpResponse<String> response = tokenResponse(baseUrl, clientId, secret, scope);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "token request for "
              + clientId
              + " failed: "
              + response.statusCode()
              + " "
              + response.body());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      return body.get("access_token").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The raw answer of the token endpoint. */
  public static HttpResponse<String> tokenResponse(
      String baseUrl, String clientId, String secret, String scope) {
    String form =
        "grant_type=client_credentials"
            + (scope == null
                ? ""
                : "&scope=" + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
