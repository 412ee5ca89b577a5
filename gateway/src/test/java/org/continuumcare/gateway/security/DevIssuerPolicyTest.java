package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevIssuerPolicyTest {

  private static SecurityProperties.DevIssuer devIssuer(boolean enabled, boolean force) {
    return new SecurityProperties.DevIssuer(
        enabled,
        force,
        URI.create("http://localhost:8080"),
        Duration.ofHours(1),
        Map.of(),
        null,
        Map.of());
  }

  @Test
  void theDevelopmentIssuerRefusesToRunInTheProductionProfile() {
    assertThatThrownBy(() -> DevIssuerPolicy.check(devIssuer(true, false), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CONTINUUM_SECURITY_ISSUER_URI")
        .hasMessageContaining("CONTINUUM_SECURITY_DEV_ISSUER_FORCE");
  }

  @Test
  void itRunsInTheProductionProfileOnlyWhenForced() {
    assertThatCode(() -> DevIssuerPolicy.check(devIssuer(true, true), true))
        .doesNotThrowAnyException();
  }

  @Test
  void itRunsInTheZeroSetupRun() {
    assertThatCode(() -> DevIssuerPolicy.check(devIssuer(true, false), false))
        .doesNotThrowAnyException();
  }
}
