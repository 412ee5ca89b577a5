package org.continuumcare.routes.employment;

import java.time.Clock;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the employment partner's pure mappers when {@code continuum.employment.enabled=true};
 * absent otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.employment", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(EmploymentProperties.class)
public class EmploymentConfig {

  @Bean
  EmploymentReferralMapper employmentReferralMapper(ObjectProvider<Clock> clock) {
    return new EmploymentReferralMapper(clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  EmploymentOutcomeMapper employmentOutcomeMapper(
      EmploymentProperties properties, ObjectProvider<Clock> clock) {
    return new EmploymentOutcomeMapper(
        PartnerCodeMap.fromClasspath(EmploymentOutcomeMapper.STATUS_MAP_RESOURCE),
        ConceptMapTranslator.shared(),
        CodeSystemLookup.shared(),
        clock.getIfAvailable(Clock::systemUTC),
        properties.partnerId());
  }

  /** The employment partner, registered with the gateway. */
  @Bean
  PartnerFormat employmentPartner(
      EmploymentProperties properties,
      EmploymentReferralMapper referrals,
      EmploymentOutcomeMapper outcomes) {
    return new EmploymentPartner(properties, referrals, outcomes);
  }
}
