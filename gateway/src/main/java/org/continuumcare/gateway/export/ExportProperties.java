package org.continuumcare.gateway.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk Data {@code $export} ({@code continuum.export.*}).
 *
 * @param retention how long an export's status and files stay available after it ends; after that
 *     they answer 404, and HAPI's purge (hourly granularity, rounded up) deletes them
 */
@ConfigurationProperties("continuum.export")
public record ExportProperties(@DefaultValue("PT24H") Duration retention) {

  public ExportProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("continuum.export.retention must be positive");
    }
  }

  /** The retention in whole hours, rounded up, as HAPI's purge counts it. */
  int retentionHours() {
    long hours = (retention.toSeconds() + 3599) / 3600;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, hours));
  }
}
