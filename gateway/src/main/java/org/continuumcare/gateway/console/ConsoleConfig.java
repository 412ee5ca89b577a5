package org.continuumcare.gateway.console;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The coordinator console: static pages under {@code /console} ({@code static/console} on the
 * classpath), public like any web page; everything they show comes from {@code /fhir} and {@code
 * /api} with the signed-in user's bearer token. {@code /console} redirects to {@code /console/},
 * whose index page is also the SMART redirect URI.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfig implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/");
    registry.addViewController("/console/").setViewName("forward:/console/index.html");
  }

  @Bean
  FilterRegistrationBean<ConsoleHeadersFilter> consoleHeadersFilter(ConsoleProperties properties) {
    FilterRegistrationBean<ConsoleHeadersFilter> registration =
        new FilterRegistrationBean<>(
            new ConsoleHeadersFilter(new ConsoleSecurityHeaders(properties.issuerOrigins())));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.addUrlPatterns("/console", "/console/*");
    return registration;
  }
}
