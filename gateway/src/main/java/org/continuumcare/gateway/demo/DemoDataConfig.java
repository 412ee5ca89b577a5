package org.continuumcare.gateway.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seeds the demo partner Organizations and their Endpoints at startup when {@code
 * continuum.demo.enabled=true} (the zero-setup run), so a demo handoff's references resolve and the
 * relay has somewhere to deliver; and, unless {@code continuum.demo.person=false}, the demo
 * person's records ({@link DemoPerson}) that the README's example handoff cites.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "continuum.demo", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoDataConfig {

  @Bean
  ApplicationRunner demoDataRunner(
      DaoRegistry daos, DemoProperties properties, FhirContext fhirContext) {
    DemoDataSeeder seeder = new DemoDataSeeder(daos);
    return arguments ->
        seeder.seed(
            properties.organizations(),
            properties.person() ? DemoPerson.resources(fhirContext) : List.of());
  }
}
