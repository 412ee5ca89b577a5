package org.continuumcare.routes.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmploymentConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(EmploymentConfig.class);

  @Test
  void nothingIsWiredUnlessEmploymentIsEnabled() {
    runner
        .withPropertyValues("continuum.employment.enabled=false")
        .run(
            ctx -> {
              assertThat(ctx).hasNotFailed();
              assertThat(ctx).doesNotHaveBean(EmploymentOutcomeMapper.class);
            });
  }

  @Test
  void enabledEmploymentWiresBothMappers() {
    runner
        .withPropertyValues(
            "continuum.employment.enabled=true", "continuum.employment.partner-id=jobs-east")
        .run(
            ctx -> {
              assertThat(ctx).hasSingleBean(EmploymentReferralMapper.class);
              assertThat(ctx).hasSingleBean(EmploymentOutcomeMapper.class);
              assertThat(ctx.getBean(EmploymentProperties.class).partnerId())
                  .isEqualTo("jobs-east");
            });
  }
}
