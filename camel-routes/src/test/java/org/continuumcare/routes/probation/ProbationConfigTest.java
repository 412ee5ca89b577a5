package org.continuumcare.routes.probation;

import static org.assertj.core.api.Assertions.assertThat;

import org.continuumcare.routes.partner.PartnerFormat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ProbationConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(ProbationConfig.class);

  @Test
  void absentUnlessEnabled() {
    runner.run(ctx -> assertThat(ctx).doesNotHaveBean(PartnerFormat.class));
  }

  @Test
  void registersTheServiceWithItsConnectionTypeAndStatusCallback() {
    runner
        .withPropertyValues(
            "continuum.probation.enabled=true", "continuum.probation.partner-id=county-parole")
        .run(
            ctx -> {
              PartnerFormat partner = ctx.getBean(PartnerFormat.class);
              assertThat(partner.partnerId()).isEqualTo("county-parole");
              assertThat(partner.referrals().connectionType())
                  .isEqualTo("continuum-probation-json");
              assertThat(partner.referrals().routeId()).isEqualTo("probation-referral-outbound");
              assertThat(partner.statusCallback())
                  .hasValueSatisfying(
                      callback ->
                          assertThat(callback.interaction())
                              .isEqualTo("probation-supervision-status"));
              assertThat(partner.hmisImport()).isEmpty();
            });
  }
}
