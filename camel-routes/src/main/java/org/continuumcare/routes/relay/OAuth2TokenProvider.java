package org.continuumcare.routes.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 client-credentials tokens for partners whose settings carry {@code oauth2}; credentials
 * come from configuration (or the environment behind it), never from FHIR data. Tokens are cached
 * per partner until shortly before they expire.
 */
public final class OAuth2TokenProvider {

  private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  public OAuth2TokenProvider(HttpClient http, Duration timeout, Clock clock) {
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A bearer token for the partner, fetched or cached. */
  public String token(String partnerId, RelayProperties.OAuth2 settings) {
    Token cached = cache.get(partnerId);
    if (cached != null && clock.instant().isBefore(cached.refreshAt)) {
      return cached.value;
    }
    Token fresh = fetch(partnerId, settings);
    cache.put(partnerId, fresh);
    return fresh.value;
  }

  /** Forgets the partner's token (after the partner refused it). */
  public void invalidate(String partnerId) {
    cache.remove(partnerId);
  }

  private Token fetch(String partnerId, RelayProperties.OAuth2 settings) {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    if (settings.scope() != null && !settings.scope().isBlank()) {
      form.append("&scope=").append(URLEncoder.encode(settings.scope(), StandardCharsets.UTF_8));
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.tokenUri()))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TransientDeliveryException(
          "token endpoint of " + partnerId + " unreachable: " + e.getClass().getSimpleName(),
          null,
          null,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientDeliveryException("interrupted while fetching a token", null, null, e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429) {
      throw new TransientDeliveryException(
          "token endpoint of " + partnerId + " answered HTTP " + status, status);
    }
    if (status != 200) {
      throw new PermanentDeliveryException(
          "token endpoint of " + partnerId + " refused the client" + " credentials: HTTP " + status,
          status);
    }
    try {
      JsonNode body = json.readTree(response.body());
      String accessToken = body.path("access_token").asText(null);
      if (accessToken == null || accessToken.isBlank()) {
        throw new PermanentDeliveryException(
            "token endpoint of " + partnerId + " answered without access_token", status);
      }
      long expiresIn = body.path("expires_in").asLong(60);
      Instant expiry = clock.instant().plusSeconds(expiresIn);
      return new Token(accessToken, expiry.minus(EARLY_REFRESH));
    } catch (IOException garbage) {
      throw new PermanentDeliveryException(
          "token endpoint of " + partnerId + " answered something that is not JSON",
          status,
          garbage);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  private record Token(String value, Instant refreshAt) {}
}
