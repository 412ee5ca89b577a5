package org.continuumcare.routes.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.continuumcare.routes.hmis.HmisCsvImporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HousingConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(HousingConfig.class);

  @Test
  void nothingIsWiredUnlessHousingIsEnabled() {
    runner.run(
        ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx).doesNotHaveBean(HmisCsvImporter.class);
          assertThat(ctx).doesNotHaveBean(HousingProperties.class);
        });
  }

  @Test
  void enabledHousingWiresTheMappersAndTheImporterFromTypedProperties() {
    runner
        .withPropertyValues(
            "continuum.housing.enabled=true", "continuum.housing.hmis-zone=America/Chicago")
        .run(
            ctx -> {
              assertThat(ctx).hasSingleBean(HousingReferralMapper.class);
              assertThat(ctx).hasSingleBean(HousingStatusCallbackMapper.class);
              assertThat(ctx).hasSingleBean(HmisCsvImporter.class);
              HousingProperties p = ctx.getBean(HousingProperties.class);
              assertThat(p.hmisZone()).isEqualTo(ZoneId.of("America/Chicago"));
              assertThat(p.partnerId()).isEqualTo("demo-housing");
            });
  }
}
