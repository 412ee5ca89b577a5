package org.continuumcare.gateway.partners;

import java.net.http.HttpClient;
import java.time.Clock;
import org.continuumcare.routes.partner.PartnerFormat;
import org.continuumcare.routes.partnerjson.PartnerJsonAdapter;
import org.continuumcare.routes.partnerjson.PartnerJsonOutboundRoute;
import org.continuumcare.routes.referral.ReferralLookup;
import org.continuumcare.routes.relay.FailureClassifier;
import org.continuumcare.routes.relay.OAuth2TokenProvider;
import org.continuumcare.routes.relay.RelayProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every registered {@link PartnerFormat} as a relay adapter: for a partner bean {@code x} the
 * context gets {@code xAdapter}, a {@link PartnerJsonAdapter} serving the partner's
 * Endpoint.connectionType (so the relay delivers to it like to any adapter), and {@code
 * xOutboundRoute}, its route {@code direct:<routeId>}. Both are ordinary singletons, defined before
 * any bean is made, so the relay's {@code List<PartnerAdapter>} holds them.
 */
@Configuration(proxyBeanMethods = false)
class PartnerAdaptersConfig {

  @Bean
  static BeanFactoryPostProcessor partnerJsonAdapters() {
    return factory -> {
      BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
      for (String partner : factory.getBeanNamesForType(PartnerFormat.class, true, false)) {
        String adapter = partner + "Adapter";
        registry.registerBeanDefinition(
            adapter,
            new RootBeanDefinition(
                PartnerJsonAdapter.class,
                () -> adapter(factory.getBean(partner, PartnerFormat.class), factory)));
        registry.registerBeanDefinition(
            partner + "OutboundRoute",
            new RootBeanDefinition(
                PartnerJsonOutboundRoute.class,
                () ->
                    new PartnerJsonOutboundRoute(
                        factory.getBean(adapter, PartnerJsonAdapter.class))));
      }
    };
  }

  private static PartnerJsonAdapter adapter(
      PartnerFormat partner, ConfigurableListableBeanFactory factory) {
    RelayProperties relay = factory.getBean(RelayProperties.class);
    Clock clock = factory.getBean(Clock.class);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(relay.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new PartnerJsonAdapter(
        partner.referrals(),
        factory.getBean(ReferralLookup.class),
        http,
        relay,
        new FailureClassifier(clock),
        new OAuth2TokenProvider(http, relay.readTimeout(), clock),
        partner.outbound());
  }
}
