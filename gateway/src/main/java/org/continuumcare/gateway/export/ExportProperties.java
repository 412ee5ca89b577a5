package org.continuumcare.gateway.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bulk Data {@code $export} ({@code continuum.export.*}).
 *
 * @param retention how long an export's status and files stay available after it ends; after that
 *     they answer 404, and HAPI's purge (hourly granularity, rounded up) deletes them
 * @param fileMaxResources resources per output file at most (HAPI's default is 1,000)
 * @param fileMaxSize size of an output file at most (HAPI's default is 100 MB). HAPI builds each
 *     file in memory, several copies of it at once, so these two bound what an export holds in the
 *     heap whatever the population's size
 */
@ConfigurationProperties("continuum.export")
public record ExportProperties(
    @DefaultValue("PT24H") Duration retention,
    @DefaultValue("200") int fileMaxResources,
    @DefaultValue("5MB") DataSize fileMaxSize) {

  @ConstructorBinding
  public ExportProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("continuum.export.retention must be positive");
    }
    if (fileMaxResources < 1) {
      throw new IllegalArgumentException(
          "continuum.export.file-max-resources must be at least 1, not " + fileMaxResources);
    }
    if (fileMaxSize.toBytes() < 1) {
      throw new IllegalArgumentException("continuum.export.file-max-size must be positive");
    }
  }

  /** The defaults, with this retention. */
  public ExportProperties(Duration retention) {
    this(retention, 200, DataSize.ofMegabytes(5));
  }

  /** The retention in whole hours, rounded up, as HAPI's purge counts it. */
  int retentionHours() {
    long hours = (retention.toSeconds() + 3599) / 3600;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, hours));
  }
}
