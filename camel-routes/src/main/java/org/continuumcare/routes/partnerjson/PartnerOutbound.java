package org.continuumcare.routes.partnerjson;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway authenticates to a partner's referral API ({@code
 * continuum.<partner>.outbound.*}). With {@code apiKey} set, every request carries it in {@code
 * apiKeyHeader}; OAuth2 client credentials come from the relay's per-partner settings ({@code
 * continuum.relay.partners.<organization id>.oauth2}), as for FHIR partners. Credentials live in
 * configuration (or the environment behind it), never in FHIR data.
 *
 * @param apiKeyHeader header carrying the API key
 * @param apiKey the API key (empty: none)
 */
public record PartnerOutbound(
    @DefaultValue("X-API-Key") String apiKeyHeader, @DefaultValue("") String apiKey) {

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }
}
