package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelaySettingsValidatorTest {

  private static RelayProperties settings(
      Duration lease,
      Integer batch,
      Integer concurrency,
      Map<String, RelayProperties.Partner> partners) {
    return new RelayProperties(
        null,
        null,
        batch,
        concurrency,
        lease,
        null,
        null,
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        List.of(),
        partners,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void defaultsAreValid() {
    RelayProperties defaults =
        new RelayProperties(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    assertThat(RelaySettingsValidator.validate(defaults)).isSameAs(defaults);
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.maxAttempts()).isNull();
    assertThat(defaults.retryHorizon()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.heldRecheck()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(defaults.auditBacklogLimit()).isNull();
    assertThat(defaults.auditConcurrency()).isEqualTo(1);
    assertThat(defaults.idlePollMax()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void auditBacklogLimitBelowOneFailsNamingTheSetting() {
    RelayProperties zero =
        new RelayProperties(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, 0, null, null);

    assertThatThrownBy(() -> RelaySettingsValidator.validate(zero))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessage(
            "Invalid relay setting: continuum.relay.audit-backlog-limit must be at least 1,"
                + " not 0");
  }

  @Test
  void leaseShorterThanAWorstCaseBatchFailsNamingTheLease() {
    // 32 rows, 8 at a time -> 4 rounds of (5 s + 10 s + 1 s) = 64 s.
    assertThatThrownBy(
            () ->
                RelaySettingsValidator.validate(settings(Duration.ofSeconds(60), 32, 8, Map.of())))
        .isInstanceOf(InvalidRelayConfigurationException.class)
        .hasMessageContaining("continuum.relay.lease (PT1M)")
        .hasMessageContaining("PT1M4S");
  }

  @Test
  void zeroConcurrencyFailsNamingTheSetting() {
    assertThatThrownBy(
            () -> RelaySettingsValidator.validate(settings(Duration.ofMinutes(5), 32, 0, Map.of())))
        .hasMessageContaining("continuum.relay.concurrency must be at least 1");
  }

  @Test
  void oauth2WithoutSecretFailsNamingThePartner() {
    Map<String, RelayProperties.Partner> partners =
        Map.of(
            "demo-treatment",
            new RelayProperties.Partner(
                new RelayProperties.OAuth2("https://idp.example/token", "continuum", null, null)));

    assertThatThrownBy(
            () -> RelaySettingsValidator.validate(settings(Duration.ofMinutes(5), 32, 8, partners)))
        .hasMessageContaining(
            "continuum.relay.partners.demo-treatment.oauth2 needs client-id and"
                + " client-secret");
  }

  @Test
  void oauth2WithRelativeTokenUriFailsNamingThePartner() {
    Map<String, RelayProperties.Partner> partners =
        Map.of(
            "demo-housing",
            new RelayProperties.Partner(
                new RelayProperties.OAuth2("/token", "id", "secret", null)));

    assertThatThrownBy(
            () -> RelaySettingsValidator.validate(settings(Duration.ofMinutes(5), 32, 8, partners)))
        .hasMessageContaining("continuum.relay.partners.demo-housing.oauth2.token-uri");
  }
}
