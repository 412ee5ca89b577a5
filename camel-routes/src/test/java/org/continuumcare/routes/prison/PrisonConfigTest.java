package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PrisonConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(PrisonConfig.class);

  @Test
  void disabledByDefaultSoTheGatewayStartsWithoutAnyPrisonBean() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(PrisonHandoffRoute.class);
          assertThat(context).doesNotHaveBean(PrisonHl7v2Translator.class);
        });
  }

  @Test
  void enabledWiresTranslatorsAndRouteFromProperties() {
    runner
        .withPropertyValues(
            "continuum.prison.enabled=true",
            "continuum.prison.mllp-port=12575",
            "continuum.prison.receiving-provider-id=harbor-treatment")
        .run(
            context -> {
              assertThat(context).hasSingleBean(PrisonHandoffRoute.class);
              assertThat(context).hasSingleBean(PrisonJsonTranslator.class);
              PrisonProperties properties = context.getBean(PrisonProperties.class);
              assertThat(properties.mllpPort()).isEqualTo(12575);
              assertThat(properties.mllpUri()).startsWith("netty:tcp://0.0.0.0:12575?sync=true");
              assertThat(properties.transactionEndpoint()).isEqualTo("direct:fhir-transaction");
              assertThat(properties.handoffDefaults().receivingProviderId())
                  .isEqualTo("harbor-treatment");
              Hl7v2Intake intake =
                  context.getBean(PrisonHl7v2Translator.class).translate(Hl7v2Samples.discharge());
              assertThat(((Hl7v2Intake.Translated) intake).handoff().receivingProviderId())
                  .isEqualTo("harbor-treatment");
            });
  }

  @Test
  void theUnacknowledgedAlertDefaultsToADayBeforeReleaseCheckedEveryFiveMinutes() {
    runner
        .withPropertyValues("continuum.prison.enabled=true")
        .run(
            context -> {
              PrisonProperties properties = context.getBean(PrisonProperties.class);
              assertThat(properties.unacknowledgedAlert())
                  .isEqualTo(java.time.Duration.ofHours(24));
              assertThat(properties.unacknowledgedCheckInterval())
                  .isEqualTo(java.time.Duration.ofMinutes(5));
              assertThat(properties.releaseZone()).isEqualTo(java.time.ZoneId.of("UTC"));
            });
    runner
        .withPropertyValues(
            "continuum.prison.enabled=true",
            "continuum.prison.unacknowledged-alert=48h",
            "continuum.prison.unacknowledged-check-interval=30s",
            "continuum.prison.release-zone=America/Chicago")
        .run(
            context -> {
              PrisonProperties properties = context.getBean(PrisonProperties.class);
              assertThat(properties.unacknowledgedAlert())
                  .isEqualTo(java.time.Duration.ofHours(48));
              assertThat(properties.unacknowledgedCheckInterval())
                  .isEqualTo(java.time.Duration.ofSeconds(30));
              assertThat(properties.releaseZone())
                  .isEqualTo(java.time.ZoneId.of("America/Chicago"));
            });
  }

  @Test
  void fieldAndFrameLimitsBindFromPropertiesOverTheirDefaults() {
    runner
        .withPropertyValues("continuum.prison.enabled=true")
        .run(
            context -> {
              PrisonProperties properties = context.getBean(PrisonProperties.class);
              assertThat(properties.hl7v2().limit("PID", 5)).isEqualTo(1000);
              assertThat(properties.hl7v2().limit("NK1", 2)).isEqualTo(65_536);
              assertThat(properties.mllp().frameTimeout())
                  .isEqualTo(java.time.Duration.ofSeconds(15));
              assertThat(properties.mllp().maxFrameSize())
                  .isEqualTo(org.springframework.util.unit.DataSize.ofMegabytes(4));
              assertThat(properties.mllpUri())
                  .contains("decoders=#" + PrisonHandoffRoute.MLLP_GUARD + ",#");
            });
    runner
        .withPropertyValues(
            "continuum.prison.enabled=true",
            "continuum.prison.hl7v2.max-field-length=5000",
            "continuum.prison.hl7v2.field-lengths[PID-5]=400",
            "continuum.prison.mllp.frame-timeout=5s",
            "continuum.prison.mllp.max-frame-size=1MB")
        .run(
            context -> {
              PrisonProperties properties = context.getBean(PrisonProperties.class);
              assertThat(properties.hl7v2().limit("PID", 5)).isEqualTo(400);
              assertThat(properties.hl7v2().limit("PID", 3)).isEqualTo(1000);
              assertThat(properties.hl7v2().limit("NK1", 2)).isEqualTo(5000);
              assertThat(properties.mllp().frameTimeout())
                  .isEqualTo(java.time.Duration.ofSeconds(5));
              assertThat(properties.mllp().maxFrameSize())
                  .isEqualTo(org.springframework.util.unit.DataSize.ofMegabytes(1));
            });
  }

  @Test
  void ackControlIdsFitTheVersion23Length() {
    for (int i = 0; i < 100; i++) {
      assertThat(PrisonConfig.ackControlId()).hasSizeLessThanOrEqualTo(20).startsWith("CC");
    }
  }
}
