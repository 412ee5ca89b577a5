package org.continuumcare.routes.probation;

import java.time.Clock;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the probation / parole service when {@code continuum.probation.enabled=true}; absent
 * otherwise. Uses the application's {@link Clock} when there is one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.probation", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ProbationProperties.class)
public class ProbationConfig {

  @Bean
  PartnerFormat probationPartner(ProbationProperties properties, ObjectProvider<Clock> clock) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    return new ProbationPartner(
        properties,
        new ProbationReferralMapper(time),
        new ProbationStatusMapper(ConceptMapTranslator.shared(), time));
  }
}
