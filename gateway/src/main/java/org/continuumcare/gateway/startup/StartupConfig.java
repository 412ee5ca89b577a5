package org.continuumcare.gateway.startup;

import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What starts only once the gateway is ready: Camel's consumers ({@link ConsumersStartWhenReady}).
 */
@Configuration(proxyBeanMethods = false)
class StartupConfig {

  @Bean
  ConsumersStartWhenReady consumersStartWhenReady(CamelContext camel) {
    return new ConsumersStartWhenReady(camel);
  }
}
