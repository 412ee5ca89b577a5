package org.continuumcare.gateway.fhir;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on the work one FHIR API request may cause ({@code continuum.fhir.search.*}).
 *
 * @param statementTimeout the longest any single database statement of a {@code /fhir} request may
 *     run (PostgreSQL {@code statement_timeout}, H2 {@code QUERY_TIMEOUT}); a request whose
 *     statement is cancelled by it is answered 400 with issue code {@code too-costly}. The
 *     gateway's own work (relay, audit, migrations, package install, reindex) runs without a
 *     request and has no such timeout.
 * @param disconnectCheckInterval how often the TCP connections of {@code /fhir} requests running
 *     longer than this are checked; the statements of a request whose client disconnected are
 *     cancelled (PostgreSQL on Linux)
 * @param maxHasDepth how many {@code _has} (reverse chain) levels one search parameter may nest
 * @param maxChainDepth how many forward reference hops ({@code subject.organization.name} is 2) one
 *     search parameter may chain
 */
@Validated
@ConfigurationProperties("continuum.fhir.search")
public record FhirSearchProperties(
    @DefaultValue("30s") @NotNull Duration statementTimeout,
    @DefaultValue("1s") @NotNull Duration disconnectCheckInterval,
    @DefaultValue("1") @Min(0) int maxHasDepth,
    @DefaultValue("2") @Min(0) int maxChainDepth) {

  public FhirSearchProperties {
    if (statementTimeout.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException(
          "continuum.fhir.search.statement-timeout must be at least 1 ms, was " + statementTimeout);
    }
    if (disconnectCheckInterval.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException(
          "continuum.fhir.search.disconnect-check-interval must be at least 10 ms, was "
              + disconnectCheckInterval);
    }
  }
}
