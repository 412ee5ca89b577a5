package org.continuumcare.gateway.partners;

import java.net.http.HttpClient;
import java.time.Clock;
import org.continuumcare.routes.employment.EmploymentProperties;
import org.continuumcare.routes.employment.EmploymentReferral;
import org.continuumcare.routes.employment.EmploymentReferralMapper;
import org.continuumcare.routes.housing.HousingProperties;
import org.continuumcare.routes.housing.HousingReferral;
import org.continuumcare.routes.housing.HousingReferralMapper;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.routes.partnerjson.PartnerJsonOutboundRoute;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.continuumcare.routes.referral.ReferralLookup;
import org.continuumcare.routes.partnerjson.PartnerOutbound;
import org.continuumcare.routes.relay.FailureClassifier;
import org.continuumcare.routes.relay.OAuth2TokenProvider;
import org.continuumcare.routes.relay.RelayProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The housing and employment partners as relay adapters: an Endpoint with connection type
 * {@code continuum-housing-json} / {@code continuum-employment-json} receives the referrals the
 * relay rules send to its Organization as the partner's JSON ({@link PartnerJsonAdapter}).
 */
@Configuration(proxyBeanMethods = false)
class PartnerAdaptersConfig {

  @Bean
  @ConditionalOnProperty(prefix = "continuum.housing", name = "enabled", havingValue = "true")
  PartnerJsonAdapter housingReferralAdapter(HousingReferralMapper mapper, HousingProperties housing,
      ReferralRecords lookup, RelayProperties relay, Clock clock) {
    return adapter(new PartnerJsonAdapter.Format(HousingReferral.CONNECTION_TYPE,
        HousingReferral.ROUTE_ID, mapper::map, PartnerJsonSchema.fromClasspath(HousingReferral.SCHEMA)),
        lookup, relay, clock, housing.outbound());
  }

  @Bean
  @ConditionalOnProperty(prefix = "continuum.housing", name = "enabled", havingValue = "true")
  PartnerJsonOutboundRoute housingReferralOutboundRoute(PartnerJsonAdapter housingReferralAdapter) {
    return new PartnerJsonOutboundRoute(housingReferralAdapter);
  }

  @Bean
  @ConditionalOnProperty(prefix = "continuum.employment", name = "enabled", havingValue = "true")
  PartnerJsonAdapter employmentReferralAdapter(EmploymentReferralMapper mapper,
      EmploymentProperties employment, ReferralRecords lookup, RelayProperties relay, Clock clock) {
    return adapter(new PartnerJsonAdapter.Format(EmploymentReferral.CONNECTION_TYPE,
        EmploymentReferral.ROUTE_ID, mapper::map,
        PartnerJsonSchema.fromClasspath(EmploymentReferral.SCHEMA)),
        lookup, relay, clock, employment.outbound());
  }

  @Bean
  @ConditionalOnProperty(prefix = "continuum.employment", name = "enabled", havingValue = "true")
  PartnerJsonOutboundRoute employmentReferralOutboundRoute(
      PartnerJsonAdapter employmentReferralAdapter) {
    return new PartnerJsonOutboundRoute(employmentReferralAdapter);
  }

  private static PartnerJsonAdapter adapter(PartnerJsonAdapter.Format format,
      ReferralLookup lookup, RelayProperties relay, Clock clock, PartnerOutbound outbound) {
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(relay.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new PartnerJsonAdapter(format, lookup, http, relay, new FailureClassifier(clock),
        new OAuth2TokenProvider(http, relay.readTimeout(), clock), outbound);
  }
}
