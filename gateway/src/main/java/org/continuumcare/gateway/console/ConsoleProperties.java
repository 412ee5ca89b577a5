package org.continuumcare.gateway.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The coordinator console's settings, under {@code continuum.console.*}.
 *
 * @param issuerOrigins origins (scheme://host[:port]) of an external sign-in issuer that the
 *     console's pages may call (token endpoint) and post to (sign-out); the gateway's own origin is
 *     always allowed. Added to the Content-Security-Policy's {@code connect-src} and {@code
 *     form-action}.
 */
@ConfigurationProperties("continuum.console")
public record ConsoleProperties(List<String> issuerOrigins) {

  public ConsoleProperties {
    issuerOrigins = issuerOrigins == null ? List.of() : List.copyOf(issuerOrigins);
    for (String origin : issuerOrigins) {
      if (!origin.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
        throw new IllegalArgumentException(
            "continuum.console.issuer-origins: '"
                + origin
                + "' is not an origin (scheme://host[:port], no path)");
      }
    }
  }
}
