package org.continuumcare.gateway.views;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where analytics work keeps files ({@code continuum.analytics.*}).
 *
 * @param dir the folder of view exports and of the temporary files of Parquet output (default
 *     {@code ${continuum.data-dir}/analytics})
 * @param sqlTimeout how long one {@code /api/analytics/sql} statement may run (default 30 s)
 */
@ConfigurationProperties("continuum.analytics")
public record AnalyticsProperties(Path dir, Duration sqlTimeout) {

  public AnalyticsProperties {
    if (dir == null) {
      dir = Path.of("data", "analytics");
    }
    if (sqlTimeout == null) {
      sqlTimeout = Duration.ofSeconds(30);
    }
  }

  Path temporary() {
    return dir.resolve("tmp");
  }
}
