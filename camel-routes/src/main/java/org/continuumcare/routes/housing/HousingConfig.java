package org.continuumcare.routes.housing;

import java.time.Clock;
import org.continuumcare.routes.hmis.HmisCsvImporter;
import org.continuumcare.routes.hmis.HmisImportSettings;
import org.continuumcare.routes.hmis.HmisTaskUpdateMapper;
import org.continuumcare.routes.hmis.HousingStatusObservationMapper;
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
 * Wires the housing partner's pure parts (referral mapper, status callback mapper, HMIS importer)
 * when {@code continuum.housing.enabled=true}; absent otherwise, so the gateway starts unchanged
 * with camel-routes on its classpath. Uses the application's {@link Clock} when there is one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.housing", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(HousingProperties.class)
public class HousingConfig {

  @Bean
  HousingReferralMapper housingReferralMapper(ObjectProvider<Clock> clock) {
    return new HousingReferralMapper(clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  HousingStatusCallbackMapper housingStatusCallbackMapper(ObjectProvider<Clock> clock) {
    return new HousingStatusCallbackMapper(
        PartnerCodeMap.fromClasspath(HousingStatusCallbackMapper.STATUS_MAP_RESOURCE),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  HmisCsvImporter hmisCsvImporter(HousingProperties properties) {
    HmisImportSettings settings = properties.hmisImportSettings();
    return new HmisCsvImporter(
        settings,
        new HousingStatusObservationMapper(
            ConceptMapTranslator.shared(), CodeSystemLookup.shared(), settings.recordIdSystem()),
        new HmisTaskUpdateMapper(
            PartnerCodeMap.fromClasspath(HmisTaskUpdateMapper.OUTCOME_MAP_RESOURCE),
            settings.zone()));
  }

  /** The housing partner, registered with the gateway. */
  @Bean
  PartnerFormat housingPartner(
      HousingProperties properties,
      HousingReferralMapper referrals,
      HousingStatusCallbackMapper callbacks,
      HmisCsvImporter importer) {
    return new HousingPartner(properties, referrals, callbacks, importer);
  }
}
